// The project loader on arbitrary bytes: the input is written as a project file and goes through
// openProject, loadProjectData and everything the CLI and window compute from it (summary and its
// JSON, unit tree, gaps, distances, history, bookmarks, map layers). A damaged file may be refused
// with an error; nothing may crash, hang, leak or read out of bounds.
#include "fuzz/fuzz_project.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, unsigned long size) {
    (void)fuzz::loadAndFigure(fuzz::freshProject(std::string_view(reinterpret_cast<const char*>(data), size)));
    return 0;
}
