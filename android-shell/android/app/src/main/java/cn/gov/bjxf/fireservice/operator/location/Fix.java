package cn.gov.bjxf.fireservice.operator.location;

/**
 * One position as the operator app reports it: WGS-84 (every Android provider reports WGS-84), the radius
 * of uncertainty in metres, the fix's own time and whether the OS says it came from a mock provider.
 * Plain Java: no Android types, so the rules around it are unit-tested on the JVM.
 */
public final class Fix {
    public final double lat;
    public final double lng;
    /** Metres; {@code Double.NaN} when the provider gave none. */
    public final double accuracy;
    /** Milliseconds since the epoch. */
    public final long timeMs;
    public final boolean isMock;
    /** fused, gps or network. */
    public final String provider;

    public Fix(double lat, double lng, double accuracy, long timeMs, boolean isMock, String provider) {
        this.lat = lat;
        this.lng = lng;
        this.accuracy = accuracy;
        this.timeMs = timeMs;
        this.isMock = isMock;
        this.provider = provider;
    }

    public boolean hasAccuracy() {
        return !Double.isNaN(accuracy) && accuracy > 0;
    }
}
