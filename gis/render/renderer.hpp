#pragma once
/// The one renderer: draws a RenderScene into an offscreen RenderTarget. The window shows the
/// target's texture; export and tests read its pixels back. Needs a current GL 3.3 core context.
#include <cstdint>
#include <memory>
#include <vector>

#include "gis/core/result.hpp"
#include "gis/render/image.hpp"
#include "gis/render/text_run.hpp"
#include "gis/scene/render_scene.hpp"

namespace gis::render {

/// Counters of one render() call, for the debug panel, benchmarks and tests ("pan uploads nothing").
struct RenderStats {
    std::uint32_t drawCalls = 0;
    std::uint32_t geometryUploads = 0;   ///< layers whose meshes were (re)uploaded this frame
    std::uint32_t colorUploads = 0;      ///< layers whose colour table was (re)uploaded this frame
    std::uint32_t symbolUploads = 0;     ///< point/line layers whose symbol table was (re)uploaded this frame
    std::uint64_t trianglesSubmitted = 0;
    std::uint32_t labelsPlaced = 0;
    int lodLevelUsed = 0;               ///< of the first polygon layer
};

/// What a render target is for, which decides how its rows lie in GL memory.
enum class TargetUse {
    /// Read back (exports, tests): drawn upside down through glClipControl when the driver has it
    /// (GL 4.5 or ARB_clip_control), so glReadPixels gives the top row first and the read needs no
    /// second pass to flip the rows. Pixels are those of a Display target, mirrored in memory.
    ReadBack,
    /// Shown in the window: GL's bottom-up rows, for ImGui::Image with flipped texture coordinates.
    Display,
};

/// Offscreen framebuffer (colour texture) that lives across frames; resize only on change.
class RenderTarget {
public:
    /// Creates the framebuffer and its RGBA8 texture. Needs a current context; sides below 1 become 1.
    RenderTarget(int widthPx, int heightPx, TargetUse use = TargetUse::ReadBack);
    ~RenderTarget();
    RenderTarget(RenderTarget&&) noexcept;
    RenderTarget& operator=(RenderTarget&&) noexcept;
    RenderTarget(const RenderTarget&) = delete;
    RenderTarget& operator=(const RenderTarget&) = delete;

    void resize(int widthPx, int heightPx);  ///< no-op when unchanged
    int width() const;
    int height() const;
    /// GL texture name, for ImGui::Image. A Display target is bottom-up like every GL texture, so
    /// show it with uv0 = (0, 1), uv1 = (1, 0). Colours are premultiplied (opaque when the background is).
    std::uint32_t colorTexture() const;
    /// Whether row 0 in GL memory is the top of the picture (a ReadBack target, see TargetUse).
    bool rowsTopFirst() const;
    Image readPixels() const;                ///< top row first
    /// readPixels straight into `image` (top row first, straight alpha) at column x0, row y0 of
    /// its frame: an export assembles its tiles without a second copy of the frame.
    void readPixelsInto(Image& image, int x0, int y0) const;

    struct Impl;
    Impl& impl() const { return *m_impl; }

private:
    std::unique_ptr<Impl> m_impl;
};

class Renderer {
public:
    /// Compiles the embedded shaders and loads the UI font. Needs a current context.
    static Result<std::unique_ptr<Renderer>> create();
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    /// Draws the scene. Sets all GL state it needs and rebinds framebuffer 0 before returning.
    RenderStats render(const scene::RenderScene& scene, RenderTarget& target);

    /// Puts the visible layers' meshes, colours and symbols on the GPU as render() would, without
    /// drawing: afterwards the scene's CPU meshes may be let go (a one-frame export does, see
    /// exportPngStrips), since render() uploads a layer again only when its versions change.
    RenderStats upload(const scene::RenderScene& scene);

    /// The text of the last render() of a scene with textAsRuns set, in frame pixels (empty otherwise).
    const std::vector<TextRun>& lastTextRuns() const;

    /// Draws a tiny scene with every program (fill, outline, line casing and dash, point symbol,
    /// text) into a small target, so llvmpipe compiles its shader variants now: the export does
    /// this on its GL worker while the layers load, and its first real frame skips the JIT.
    void warmUp();

    /// Writes what the renderer learnt for later runs (the glyphs it made) to the user's cache, as
    /// its destructor would: for a process that ends without destroying it.
    void saveCaches();

    /// Largest render target side this context supports (tiled export splits above it).
    int maxTargetSize() const;

    /// Bounds the driver's memory for segments and point symbols: their quads are drawn in batches
    /// of `quads`, and each batch waits until the one before it is drawn (GpuBatchQueue), so at
    /// most two are queued. llvmpipe keeps every binned triangle (with its interpolation data, a
    /// few hundred bytes each) until it is rasterized, and a plain glFlush lets batches pile up
    /// while the rasterizer threads lag behind; a 4000 px wide export strip of the national
    /// outlines held some 35 MB that way. 0 (the default, what the window uses) draws each run
    /// whole and never waits. Pixels are the same.
    void setQuadsPerBatch(std::uint32_t quads);
    std::uint32_t quadsPerBatch() const;

    /// Draws with the general programs only: one segment program for every pass, one point
    /// program for every shape, one overlay program for every mode (OverlayRenderer::
    /// setSingleProgram). The specialised ones exist because llvmpipe runs every branch of a
    /// shader; they must draw the same pixels, which tests check against these. Off by default.
    void setReferencePrograms(bool reference);

private:
    Renderer();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace gis::render
