/* placeholder until the module lands */
#include "config.h"
typedef int placeholder_journal;
