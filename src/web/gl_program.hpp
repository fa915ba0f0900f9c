#pragma once
// A WebGL2 program from two shader sources; a shader that does not compile
// is reported on the console (it would be a bug in the page, not the plan).
#include <GLES3/gl3.h>

namespace web {

GLuint link_program(const char* vertex_source, const char* fragment_source);

}  // namespace web
