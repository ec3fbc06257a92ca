/* version.h — the flowc version, printed by --version and in outputs. */
#ifndef FLOWC_VERSION
#define FLOWC_VERSION "0.1.0"
#endif
