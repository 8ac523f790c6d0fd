#include "gis/export/strip_helper.hpp"

#include "gis/render/headless_context.hpp"

namespace gis::exporting {

StripHelper::~StripHelper() {
    if (!m_thread.joinable()) return;
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void StripHelper::start() {
    if (m_thread.joinable()) return;
    m_thread = std::thread([this] { run(); });
}

void StripHelper::post(std::function<void(render::Renderer*)> job) {
    {
        std::lock_guard lock(m_mutex);
        m_job = std::move(job);
        m_jobPending = true;
    }
    m_changed.notify_all();
}

void StripHelper::wait() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_jobPending; });
}

bool StripHelper::waitReady() {
    start();
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_made; });
    return m_hasRenderer;
}

std::string StripHelper::failure() {
    std::lock_guard lock(m_mutex);
    return m_failure;
}

void StripHelper::run() {
    // Made and destroyed on this thread, where the context is current throughout.
    std::unique_ptr<render::HeadlessContext> context;
    std::unique_ptr<render::Renderer> renderer;
    std::string failure;
    if (auto made = render::HeadlessContext::createOnOwnDisplay(); !made) {
        failure = made.error().message;
    } else {
        context = std::move(*made);
        if (auto madeRenderer = render::Renderer::create(); !madeRenderer) {
            failure = madeRenderer.error().message;
        } else {
            renderer = std::move(*madeRenderer);
            renderer->warmUp();
        }
    }
    {
        std::lock_guard lock(m_mutex);
        m_made = true;
        m_hasRenderer = renderer != nullptr;
        m_failure = failure;
    }
    m_changed.notify_all();
    for (;;) {
        std::function<void(render::Renderer*)> job;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_jobPending || m_stop; });
            if (!m_jobPending) break;
            job = std::move(m_job);
            m_job = nullptr;
        }
        job(renderer.get());
        job = nullptr;  // what it holds (a scene and its meshes) goes before the export goes on
        {
            std::lock_guard lock(m_mutex);
            m_jobPending = false;
        }
        m_changed.notify_all();
    }
    renderer.reset();
    context.reset();
}

}  // namespace gis::exporting
