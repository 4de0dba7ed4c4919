package cn.gov.bjxf.fireservice.operator.location;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class FixPolicyTest {
    private static Fix fix(double acc, long time, boolean mock) {
        return new Fix(39.93, 116.41, acc, time, mock, "gps");
    }

    @Test
    public void cachedFixOnlyWhenFreshAndAccurate() {
        long now = 1_000_000;
        assertTrue(FixPolicy.acceptCached(fix(10, now - 5_000, false), now));
        assertFalse("too old", FixPolicy.acceptCached(fix(10, now - 31_000, false), now));
        assertFalse("too coarse", FixPolicy.acceptCached(fix(80, now - 1_000, false), now));
        assertFalse("no accuracy", FixPolicy.acceptCached(fix(Double.NaN, now - 1_000, false), now));
        assertFalse("from the future", FixPolicy.acceptCached(fix(10, now + 1_000, false), now));
        assertFalse(FixPolicy.acceptCached(null, now));
    }

    @Test
    public void betterPrefersRealThenAccurateThenNewer() {
        Fix real = fix(40, 1, false);
        Fix mocked = fix(5, 2, true);
        assertSame(real, FixPolicy.better(mocked, real));
        Fix sharp = fix(8, 1, false);
        assertSame(sharp, FixPolicy.better(real, sharp));
        Fix newer = fix(8, 5, false);
        assertSame(newer, FixPolicy.better(sharp, newer));
        assertSame(real, FixPolicy.better(null, real));
    }
}
