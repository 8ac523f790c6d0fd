#pragma once
/// The headless GL context and the renderer a window test's panels draw with. Where the machine
/// has no headless GL it WARNs and ready() is false (the test returns); a context without a
/// renderer fails the test.
#include <catch2/catch.hpp>

#include <memory>

#include "gis/core/result.hpp"
#include "gis/render/headless_context.hpp"
#include "gis/render/renderer.hpp"

namespace test {

struct HeadlessGl {
    HeadlessGl() : context(gis::render::HeadlessContext::create()), renderer(gis::makeError(gis::ErrorCode::GlUnavailable, "")) {
        if (!context) {
            WARN("no headless GL: " << context.error().message);
            return;
        }
        renderer = gis::render::Renderer::create();
        REQUIRE(renderer);
    }
    ~HeadlessGl() {
        if (renderer) renderer.value().reset();  // GL objects go before the context
    }
    HeadlessGl(const HeadlessGl&) = delete;
    HeadlessGl& operator=(const HeadlessGl&) = delete;

    bool ready() const { return context && renderer; }
    gis::render::Renderer& draw() { return *renderer.value(); }

    gis::Result<std::unique_ptr<gis::render::HeadlessContext>> context;
    gis::Result<std::unique_ptr<gis::render::Renderer>> renderer;
};

}  // namespace test
