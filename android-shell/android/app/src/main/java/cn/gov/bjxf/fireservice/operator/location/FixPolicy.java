package cn.gov.bjxf.fireservice.operator.location;

/**
 * Which fixes are good enough to return. A cached ("last known") fix is accepted only when it is fresh and
 * accurate, so a stale position from elsewhere is never reported as the current one; the server checks the
 * age again against its own clock.
 */
public final class FixPolicy {
    /** A cached fix older than this is not used. */
    public static final long MAX_CACHED_AGE_MS = 30_000;
    /** A cached fix less accurate than this is not used. */
    public static final double MAX_CACHED_ACCURACY_M = 50;

    private FixPolicy() {}

    public static boolean acceptCached(Fix fix, long nowMs) {
        if (fix == null) return false;
        long age = nowMs - fix.timeMs;
        return age >= 0 && age <= MAX_CACHED_AGE_MS && fix.hasAccuracy() && fix.accuracy <= MAX_CACHED_ACCURACY_M;
    }

    /** Of two fixes, the better: a real one over a mocked one, then the more accurate, then the newer. */
    public static Fix better(Fix a, Fix b) {
        if (a == null) return b;
        if (b == null) return a;
        if (a.isMock != b.isMock) return a.isMock ? b : a;
        double accA = a.hasAccuracy() ? a.accuracy : Double.MAX_VALUE;
        double accB = b.hasAccuracy() ? b.accuracy : Double.MAX_VALUE;
        if (accA != accB) return accA < accB ? a : b;
        return a.timeMs >= b.timeMs ? a : b;
    }
}
