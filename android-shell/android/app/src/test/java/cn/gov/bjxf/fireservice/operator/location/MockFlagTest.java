package cn.gov.bjxf.fireservice.operator.location;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;

public class MockFlagTest {
    @Test
    public void api31AndLaterAskIsMock() {
        assertTrue(MockFlag.of(31, () -> true, () -> { fail("isFromMockProvider is deprecated on 31+"); return false; }));
        assertFalse(MockFlag.of(35, () -> false, () -> true));
    }

    @Test
    public void beforeApi31AskIsFromMockProvider() {
        assertTrue(MockFlag.of(30, () -> { fail("isMock does not exist before 31"); return false; }, () -> true));
        assertFalse(MockFlag.of(23, () -> true, () -> false));
    }
}
