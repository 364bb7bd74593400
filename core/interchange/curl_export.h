// Kept for the callers of the first "Copy as cURL": the cURL export now lives in core/interchange/export.h.
#pragma once

#include "core/interchange/export.h"
