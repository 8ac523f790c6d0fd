#include "gis/render/headless_context.hpp"

#include <cstring>
#include <map>
#include <mutex>
#include <string>

#include <epoxy/egl.h>
#include <epoxy/gl.h>

namespace gis::render {

namespace {

std::string eglErrorName(EGLint code) {
    switch (code) {
        case EGL_SUCCESS: return "EGL_SUCCESS";
        case EGL_NOT_INITIALIZED: return "EGL_NOT_INITIALIZED";
        case EGL_BAD_ACCESS: return "EGL_BAD_ACCESS";
        case EGL_BAD_ALLOC: return "EGL_BAD_ALLOC";
        case EGL_BAD_ATTRIBUTE: return "EGL_BAD_ATTRIBUTE";
        case EGL_BAD_CONFIG: return "EGL_BAD_CONFIG";
        case EGL_BAD_CONTEXT: return "EGL_BAD_CONTEXT";
        case EGL_BAD_DISPLAY: return "EGL_BAD_DISPLAY";
        case EGL_BAD_MATCH: return "EGL_BAD_MATCH";
        case EGL_BAD_PARAMETER: return "EGL_BAD_PARAMETER";
        default: return "EGL error 0x" + std::to_string(code);
    }
}

Error glUnavailable(const std::string& what) {
    return makeError(ErrorCode::GlUnavailable,
                     "No headless OpenGL 3.3 context: " + what + " (" + eglErrorName(eglGetError()) + ").");
}

bool hasExtension(const char* list, const char* name) {
    if (list == nullptr) return false;
    const std::size_t len = std::strlen(name);
    for (const char* p = std::strstr(list, name); p != nullptr; p = std::strstr(p + len, name)) {
        const bool startOk = p == list || p[-1] == ' ';
        const bool endOk = p[len] == '\0' || p[len] == ' ';
        if (startOk && endOk) return true;
    }
    return false;
}

// Mesa hands out one EGLDisplay per platform and device, shared by every context on it, so
// eglTerminate() must wait until the last HeadlessContext on that display is gone.
std::mutex g_displayMutex;
std::map<EGLDisplay, int> g_displayUsers;

/// Mesa's software (llvmpipe) device, or EGL_NO_DEVICE_EXT.
EGLDeviceEXT softwareDevice() {
    const char* clientExtensions = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
    if (!hasExtension(clientExtensions, "EGL_EXT_device_enumeration") || !hasExtension(clientExtensions, "EGL_EXT_device_query"))
        return EGL_NO_DEVICE_EXT;
    EGLDeviceEXT devices[16];
    EGLint count = 0;
    if (eglQueryDevicesEXT(16, devices, &count) != EGL_TRUE) return EGL_NO_DEVICE_EXT;
    for (EGLint i = 0; i < count; ++i)
        if (hasExtension(eglQueryDeviceStringEXT(devices[i], EGL_EXTENSIONS), "EGL_MESA_device_software")) return devices[i];
    return EGL_NO_DEVICE_EXT;
}

}  // namespace

struct HeadlessContext::Impl {
    EGLDisplay display = EGL_NO_DISPLAY;
    EGLContext context = EGL_NO_CONTEXT;
    bool counted = false;

    ~Impl() {
        if (display == EGL_NO_DISPLAY) return;
        if (context != EGL_NO_CONTEXT) {
            if (eglGetCurrentContext() == context) eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
            eglDestroyContext(display, context);
        }
        std::lock_guard lock(g_displayMutex);
        if (counted && --g_displayUsers[display] == 0) eglTerminate(display);
    }
};

Result<std::unique_ptr<HeadlessContext>> HeadlessContext::create() {
    const char* clientExtensions = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
    if (!hasExtension(clientExtensions, "EGL_MESA_platform_surfaceless") ||
        !hasExtension(clientExtensions, "EGL_EXT_platform_base"))
        return glUnavailable("EGL lacks EGL_MESA_platform_surfaceless / EGL_EXT_platform_base");
    const EGLDisplay display = eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    if (display == EGL_NO_DISPLAY) return glUnavailable("eglGetPlatformDisplayEXT(surfaceless) failed");
    return createOn(display);
}

Result<std::unique_ptr<HeadlessContext>> HeadlessContext::createOnOwnDisplay() {
    if (!hasExtension(eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS), "EGL_EXT_platform_device"))
        return glUnavailable("EGL lacks EGL_EXT_platform_device");
    const EGLDeviceEXT device = softwareDevice();
    if (device == EGL_NO_DEVICE_EXT) return glUnavailable("EGL has no software device (EGL_MESA_device_software)");
    const EGLDisplay display = eglGetPlatformDisplayEXT(EGL_PLATFORM_DEVICE_EXT, device, nullptr);
    if (display == EGL_NO_DISPLAY) return glUnavailable("eglGetPlatformDisplayEXT(software device) failed");
    return createOn(display);
}

Result<std::unique_ptr<HeadlessContext>> HeadlessContext::createOn(void* eglDisplay) {
    auto impl = std::make_unique<Impl>();
    impl->display = static_cast<EGLDisplay>(eglDisplay);

    {
        std::lock_guard lock(g_displayMutex);
        EGLint major = 0, minor = 0;
        if (eglInitialize(impl->display, &major, &minor) != EGL_TRUE) {
            impl->display = EGL_NO_DISPLAY;
            return glUnavailable("eglInitialize failed");
        }
        ++g_displayUsers[impl->display];
        impl->counted = true;
    }
    if (!hasExtension(eglQueryString(impl->display, EGL_EXTENSIONS), "EGL_KHR_surfaceless_context"))
        return glUnavailable("EGL_KHR_surfaceless_context is missing");
    if (eglBindAPI(EGL_OPENGL_API) != EGL_TRUE) return glUnavailable("eglBindAPI(EGL_OPENGL_API) failed");

    const EGLint configAttribs[] = {EGL_SURFACE_TYPE, EGL_PBUFFER_BIT,
                                    EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
                                    EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_ALPHA_SIZE, 8,
                                    EGL_NONE};
    EGLConfig config = nullptr;
    EGLint configCount = 0;
    if (eglChooseConfig(impl->display, configAttribs, &config, 1, &configCount) != EGL_TRUE || configCount < 1)
        return glUnavailable("eglChooseConfig found no pbuffer-capable OpenGL config");

    const EGLint contextAttribs[] = {EGL_CONTEXT_MAJOR_VERSION, 3,
                                     EGL_CONTEXT_MINOR_VERSION, 3,
                                     EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                     EGL_NONE};
    impl->context = eglCreateContext(impl->display, config, EGL_NO_CONTEXT, contextAttribs);
    if (impl->context == EGL_NO_CONTEXT) return glUnavailable("eglCreateContext(OpenGL 3.3 core) failed");
    if (eglMakeCurrent(impl->display, EGL_NO_SURFACE, EGL_NO_SURFACE, impl->context) != EGL_TRUE)
        return glUnavailable("eglMakeCurrent(EGL_NO_SURFACE) failed");
    if (epoxy_gl_version() < 33) return glUnavailable("the driver gives OpenGL below 3.3");

    std::unique_ptr<HeadlessContext> ctx(new HeadlessContext());
    ctx->m_impl = std::move(impl);
    return ctx;
}

HeadlessContext::~HeadlessContext() = default;

bool HeadlessContext::releaseCurrent() {
    return eglMakeCurrent(m_impl->display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT) == EGL_TRUE;
}

bool HeadlessContext::makeCurrent() {
    return eglMakeCurrent(m_impl->display, EGL_NO_SURFACE, EGL_NO_SURFACE, m_impl->context) == EGL_TRUE;
}

std::string HeadlessContext::rendererName() const {
    const auto* name = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    return name != nullptr ? name : "";
}

}  // namespace gis::render
