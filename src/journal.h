#ifndef PSOAS_JOURNAL_H
#define PSOAS_JOURNAL_H
#endif
