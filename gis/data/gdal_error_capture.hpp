#pragma once
/// Collects GDAL/OGR error messages for the lifetime of the object (on this thread), so they end
/// up in our Error text instead of on stderr.
#include <string>
#include <vector>

namespace gis::data {

class GdalErrorCapture {
public:
    GdalErrorCapture();   ///< pushes a thread-local CPL error handler
    ~GdalErrorCapture();  ///< pops it
    GdalErrorCapture(const GdalErrorCapture&) = delete;
    GdalErrorCapture& operator=(const GdalErrorCapture&) = delete;

    /// Messages of CE_Failure and above, in order.
    const std::vector<std::string>& errors() const { return m_errors; }
    /// Messages of CE_Warning.
    const std::vector<std::string>& warnings() const { return m_warnings; }
    /// " (GDAL: first; second)" or "" — ready to append to a sentence.
    std::string suffix() const;
    void clear();
    /// Called by the installed handler; public so the C callback needs no friend declaration.
    void record(bool isError, const char* message);

private:
    std::vector<std::string> m_errors;
    std::vector<std::string> m_warnings;
};

/// Makes sure every GDAL driver is registered (once per process).
void ensureGdalRegistered();

}  // namespace gis::data
