/* check.h — the rules of a correct process (flow-language.md, "What a
 * correct process is"): structure, reachability, exits, decisions,
 * parallel work, lanes, calls. Reads the resolved Program; reports to the
 * Ctx. Processes with resolve errors are skipped. */
#ifndef FLOWC_CHECK_H
#define FLOWC_CHECK_H
#include "ir.h"

/* More nodes than this in one process draws a [size] warning. */
#define CHECK_MAX_NODES 50

void check(Ctx *c);

#endif
