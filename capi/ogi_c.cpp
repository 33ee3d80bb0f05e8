// placeholder until the C ABI lands
#include "ogi/ogi.hpp"
extern "C" const char* ogi_version(void) { return ogi::version(); }
