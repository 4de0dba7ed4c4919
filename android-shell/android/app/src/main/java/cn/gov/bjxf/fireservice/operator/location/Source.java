package cn.gov.bjxf.fireservice.operator.location;

/** Where a fix is asked from, in the order {@link ProviderPlan} tries them. */
public enum Source {
    /** Google's fused location provider (needs Google Play Services). */
    FUSED("fused"),
    /** {@code LocationManager.GPS_PROVIDER}: satellites, accurate, slow indoors. */
    GPS("gps"),
    /** {@code LocationManager.NETWORK_PROVIDER}: cell and Wi-Fi, fast, coarse. */
    NETWORK("network");

    public final String provider;

    Source(String provider) {
        this.provider = provider;
    }
}
