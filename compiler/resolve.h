/* resolve.h — binds names in the Program: process IDs across all files,
 * node IDs, lanes and call targets within each process, and sets default
 * labels. Errors ([duplicate], [undefined], [call]) go to the Ctx; a
 * process with a binding error gets resolve_errors set. */
#ifndef FLOWC_RESOLVE_H
#define FLOWC_RESOLVE_H
#include "ir.h"

void resolve(Ctx *c);

#endif
