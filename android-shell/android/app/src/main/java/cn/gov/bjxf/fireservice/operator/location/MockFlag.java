package cn.gov.bjxf.fireservice.operator.location;

/**
 * Whether a location came from a mock provider: {@code Location.isMock()} from API 31 (Android 12), where
 * {@code isFromMockProvider()} is deprecated; {@code isFromMockProvider()} before (API 18–30).
 */
public final class MockFlag {
    public static final int API_IS_MOCK = 31;

    /** A call to one of the two Location methods (java.util.function needs API 24; minSdk is 23). */
    public interface Check {
        boolean get();
    }

    private MockFlag() {}

    public static boolean of(int sdkInt, Check isMock, Check isFromMockProvider) {
        return sdkInt >= API_IS_MOCK ? isMock.get() : isFromMockProvider.get();
    }
}
