#ifndef PSOAS_REPL_H
#define PSOAS_REPL_H
#endif
