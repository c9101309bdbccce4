#ifndef PSOAS_REPORT_H
#define PSOAS_REPORT_H
#endif
