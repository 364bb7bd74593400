#include "core/clock.h"

namespace kommo {

const Clock &systemClock()
{
    static const SystemClock clock;
    return clock;
}

} // namespace kommo
