package cn.gov.bjxf.fireservice.operator.location;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.Test;

/** The fallback chain with fake sources and a fake clock: no Android, no waiting. */
public class FixLocatorTest {
    private long now = 0;
    private final List<String> asked = new ArrayList<>();
    private final Map<Source, BiConsumer<Long, FixLocator.Answer>> behaviour = new HashMap<>();
    private Fix got;
    private String error;
    private int answers;

    private void run(List<Source> plan, long timeoutMs) {
        FixLocator.locate(plan, (source, share, answer) -> {
            asked.add(source.provider + ":" + share);
            behaviour.getOrDefault(source, (s, a) -> a.failed("无")).accept(share, answer);
        }, () -> now, timeoutMs, new FixLocator.Result() {
            @Override
            public void onFix(Fix fix) {
                got = fix;
                answers++;
            }

            @Override
            public void onError(String code, String message) {
                error = code + " " + message;
                answers++;
            }
        });
    }

    private static Fix at(String provider, boolean mock) {
        return new Fix(39.9, 116.4, 12, 1000, mock, provider);
    }

    @Test
    public void withoutPlayServicesGpsAnswers() {
        behaviour.put(Source.GPS, (share, a) -> a.fix(at("gps", false)));
        run(ProviderPlan.plan(false, true, true), 15_000);
        assertEquals(List.of("gps:10000"), asked);
        assertEquals("gps", got.provider);
        assertEquals(1, answers);
    }

    @Test
    public void gpsTimesOutIndoorsAndTheNetworkProviderAnswersInTheTimeLeft() {
        behaviour.put(Source.GPS, (share, a) -> {
            now += share;
            a.failed("超时");
        });
        behaviour.put(Source.NETWORK, (share, a) -> a.fix(at("network", false)));
        run(ProviderPlan.plan(false, true, true), 15_000);
        assertEquals(List.of("gps:10000", "network:5000"), asked);
        assertEquals("network", got.provider);
        assertNull(error);
    }

    @Test
    public void fusedFailingFallsBackToLocationManager() {
        behaviour.put(Source.FUSED, (share, a) -> a.fix(null));
        behaviour.put(Source.GPS, (share, a) -> a.fix(at("gps", true)));
        run(ProviderPlan.plan(true, true, true), 15_000);
        assertEquals(2, asked.size());
        assertTrue("the mock flag travels with the fix", got.isMock);
    }

    @Test
    public void everySourceFailingIsOneTimeoutError() {
        run(ProviderPlan.plan(false, true, true), 15_000);
        assertNull(got);
        assertTrue(error, error.startsWith("timeout 无法获取位置：定位超时"));
        assertEquals(1, answers);
    }

    @Test
    public void locationSwitchedOffIsAskingTheUserToTurnItOn() {
        run(ProviderPlan.plan(true, false, false), 15_000);
        assertTrue(asked.isEmpty());
        assertEquals("unavailable " + ProviderPlan.NO_PROVIDER, error);
    }

    @Test
    public void aLateSecondAnswerFromTheSameSourceIsIgnored() {
        behaviour.put(Source.GPS, (share, a) -> {
            a.fix(at("gps", false));
            a.failed("超时");
            a.fix(at("gps", true));
        });
        run(ProviderPlan.plan(false, true, false), 15_000);
        assertEquals(1, answers);
        assertEquals(false, got.isMock);
    }
}
