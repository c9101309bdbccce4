#ifndef PSOAS_OPTIONS_H
#define PSOAS_OPTIONS_H
#endif
