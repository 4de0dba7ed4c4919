package cn.gov.bjxf.fireservice.operator.location;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.Test;

public class ProviderPlanTest {
    @Test
    public void withPlayServicesFusedFirstThenPlatformProviders() {
        assertEquals(Arrays.asList(Source.FUSED, Source.GPS, Source.NETWORK), ProviderPlan.plan(true, true, true));
    }

    @Test
    public void withoutPlayServicesGpsThenNetwork() {
        assertEquals(Arrays.asList(Source.GPS, Source.NETWORK), ProviderPlan.plan(false, true, true));
        assertEquals(Arrays.asList(Source.NETWORK), ProviderPlan.plan(false, false, true));
        assertEquals(Arrays.asList(Source.GPS), ProviderPlan.plan(false, true, false));
    }

    @Test
    public void locationSwitchedOffMeansNoSourceEvenWithPlayServices() {
        assertTrue(ProviderPlan.plan(true, false, false).isEmpty());
        assertTrue(ProviderPlan.plan(false, false, false).isEmpty());
    }

    @Test
    public void gpsGetsTwoThirdsBeforeNetworkAndTheLastSourceTheRest() {
        List<Source> plan = ProviderPlan.plan(false, true, true);
        assertEquals(10_000, ProviderPlan.shareMs(plan, 0, 15_000));
        assertEquals(5_000, ProviderPlan.shareMs(plan, 1, 5_000));
        List<Source> all = ProviderPlan.plan(true, true, true);
        assertEquals(7_500, ProviderPlan.shareMs(all, 0, 15_000));
    }
}
