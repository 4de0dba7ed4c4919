package cn.gov.bjxf.fireservice.operator.location;

import java.util.List;

/**
 * Asks the planned sources one after another until one gives a fix: the fused provider when Google Play
 * Services is there, else GPS, then the network provider. Each source gets its share of the timeout; a
 * source that fails or times out hands over to the next. Exactly one of onFix / onError is called.
 * No Android types: the sources are adapters (XfLocationPlugin), so this is tested on the JVM.
 */
public final class FixLocator {
    public interface Requester {
        /** Ask {@code source} for one fix within {@code timeoutMs}; answer through {@code answer} once. */
        void request(Source source, long timeoutMs, Answer answer);
    }

    public interface Answer {
        void fix(Fix fix);

        void failed(String reason);
    }

    /** Milliseconds; java.util.function needs API 24 and minSdk is 23. */
    public interface Clock {
        long now();
    }

    public interface Result {
        void onFix(Fix fix);

        void onError(String code, String message);
    }

    private final List<Source> plan;
    private final Requester requester;
    private final Clock clock;
    private final long deadlineMs;
    private final Result result;
    private boolean done;
    private String lastReason = "";

    private FixLocator(List<Source> plan, Requester requester, Clock clock, long timeoutMs, Result result) {
        this.plan = plan;
        this.requester = requester;
        this.clock = clock;
        this.deadlineMs = clock.now() + timeoutMs;
        this.result = result;
    }

    public static void locate(List<Source> plan, Requester requester, Clock clock, long timeoutMs, Result result) {
        FixLocator locator = new FixLocator(plan, requester, clock, timeoutMs, result);
        if (plan.isEmpty()) {
            locator.finishError("unavailable", ProviderPlan.NO_PROVIDER);
            return;
        }
        locator.tryAt(0);
    }

    private void tryAt(int index) {
        if (done) return;
        long remaining = deadlineMs - clock.now();
        if (index >= plan.size() || remaining <= 0) {
            finishError("timeout", "无法获取位置：定位超时，请到开阔处重试" + (lastReason.isEmpty() ? "" : "（" + lastReason + "）"));
            return;
        }
        Source source = plan.get(index);
        final boolean[] answered = {false};
        requester.request(source, ProviderPlan.shareMs(plan, index, remaining), new Answer() {
            @Override
            public void fix(Fix fix) {
                if (answered[0]) return;
                answered[0] = true;
                if (fix == null) {
                    lastReason = source.provider + "无结果";
                    tryAt(index + 1);
                } else {
                    finishFix(fix);
                }
            }

            @Override
            public void failed(String reason) {
                if (answered[0]) return;
                answered[0] = true;
                lastReason = source.provider + "：" + reason;
                tryAt(index + 1);
            }
        });
    }

    private void finishFix(Fix fix) {
        if (done) return;
        done = true;
        result.onFix(fix);
    }

    private void finishError(String code, String message) {
        if (done) return;
        done = true;
        result.onError(code, message);
    }
}
