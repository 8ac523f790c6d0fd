#pragma once
/// A second renderer for streamed PNG exports, with a thread and an EGL display of its own.
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "gis/render/renderer.hpp"

namespace gis::render {
class HeadlessContext;
}

namespace gis::exporting {

/// On llvmpipe one renderer leaves the cores half idle while it draws a big frame: its flush
/// waits for the screen's rasterizer threads, so binning and rasterizing take turns (in the
/// 10,000-commune export the drawing thread was busy 0.17-0.19 s of the 0.42-0.46 s render).
/// A second renderer on its own display (HeadlessContext::createOnOwnDisplay) has its own
/// screen and rasterizer threads, and draws strips while the first one waits: the 10k strips
/// took 0.26-0.28 s instead of 0.37-0.45 s, pixel for pixel the same.
///
/// Made idle and cheap; start() makes the context and renderer on the helper's thread (about
/// 40 ms of one core), which is then ready to run jobs with its renderer current.
class StripHelper {
public:
    StripHelper() = default;
    /// Joins the thread, which takes the renderer and its context apart.
    ~StripHelper();
    StripHelper(const StripHelper&) = delete;
    StripHelper& operator=(const StripHelper&) = delete;

    /// Starts the thread and the making of its renderer; returns at once. Once only.
    void start();
    bool started() const { return m_thread.joinable(); }

    /// Runs `job` on the helper's thread once its renderer is made, and returns at once; the job
    /// gets null when the renderer could not be made (the export then draws every strip itself).
    /// One job at a time: wait() for it before posting the next.
    void post(std::function<void(render::Renderer*)> job);
    /// Waits until the posted job has run (at once when none is pending).
    void wait();

    /// Waits until the thread has made its renderer, or failed to; true when it has one.
    /// Starts it if need be.
    bool waitReady();
    /// Why the renderer could not be made ("" while it is being made, or when it was).
    std::string failure();

private:
    void run();

    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::function<void(render::Renderer*)> m_job;
    bool m_jobPending = false;
    bool m_stop = false;
    bool m_made = false;     ///< the thread has tried to make its renderer
    bool m_hasRenderer = false;
    std::string m_failure;
};

}  // namespace gis::exporting
