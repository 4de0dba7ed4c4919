package cn.gov.bjxf.fireservice.operator.location;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Which providers to ask, in order. Most phones sold in China have no Google Play Services, so the fused
 * provider is used only when it is there; otherwise the platform LocationManager: GPS first (accurate),
 * then the network provider (cell/Wi-Fi) when GPS gives nothing in its share of the time.
 */
public final class ProviderPlan {
    private ProviderPlan() {}

    public static List<Source> plan(boolean playServicesAvailable, boolean gpsEnabled, boolean networkEnabled) {
        List<Source> sources = new ArrayList<>();
        if (playServicesAvailable && (gpsEnabled || networkEnabled)) sources.add(Source.FUSED);
        if (gpsEnabled) sources.add(Source.GPS);
        if (networkEnabled) sources.add(Source.NETWORK);
        return Collections.unmodifiableList(sources);
    }

    /**
     * Each source's share of the caller's timeout: the last source gets whatever is left; GPS, the slow one,
     * gets two thirds when a network fallback follows it.
     */
    public static long shareMs(List<Source> plan, int index, long remainingMs) {
        if (index >= plan.size() - 1) return Math.max(0, remainingMs);
        Source s = plan.get(index);
        if (s == Source.GPS) return remainingMs * 2 / 3;
        return remainingMs / 2;
    }

    public static final String NO_PROVIDER = "无法获取位置：请打开手机的位置信息（GPS）";
}
