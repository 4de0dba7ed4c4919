package cn.gov.bjxf.fireservice.operator;

import android.Manifest;
import android.annotation.SuppressLint;
import android.content.Context;
import android.location.Location;
import android.location.LocationListener;
import android.location.LocationManager;
import android.os.Build;
import android.os.CancellationSignal;
import android.os.Handler;
import android.os.Looper;
import android.os.SystemClock;
import androidx.annotation.NonNull;
import cn.gov.bjxf.fireservice.operator.location.Fix;
import cn.gov.bjxf.fireservice.operator.location.FixLocator;
import cn.gov.bjxf.fireservice.operator.location.FixPolicy;
import cn.gov.bjxf.fireservice.operator.location.MockFlag;
import cn.gov.bjxf.fireservice.operator.location.ProviderPlan;
import cn.gov.bjxf.fireservice.operator.location.Source;
import com.getcapacitor.JSObject;
import com.getcapacitor.PermissionState;
import com.getcapacitor.Plugin;
import com.getcapacitor.PluginCall;
import com.getcapacitor.PluginMethod;
import com.getcapacitor.annotation.CapacitorPlugin;
import com.getcapacitor.annotation.Permission;
import com.getcapacitor.annotation.PermissionCallback;
import com.google.android.gms.common.ConnectionResult;
import com.google.android.gms.common.GoogleApiAvailability;
import com.google.android.gms.location.CurrentLocationRequest;
import com.google.android.gms.location.LocationServices;
import com.google.android.gms.location.Priority;
import com.google.android.gms.tasks.CancellationTokenSource;
import java.util.List;

/**
 * XfLocation.getFix({ timeoutMs, highAccuracy }) → { lng, lat, accuracy, time, isMock, provider }: one
 * WGS-84 fix with the OS's mock flag. Thin glue: which providers, in what order, with what share of the
 * time and which answer wins is decided by the plain-Java classes in {@code location/} (unit-tested on the
 * JVM); this class only adapts the fused provider and LocationManager to them.
 */
@CapacitorPlugin(
    name = "XfLocation",
    permissions = {
        @Permission(alias = "location", strings = { Manifest.permission.ACCESS_FINE_LOCATION, Manifest.permission.ACCESS_COARSE_LOCATION })
    }
)
public class XfLocationPlugin extends Plugin {

    @PluginMethod
    public void getFix(PluginCall call) {
        if (getPermissionState("location") != PermissionState.GRANTED) {
            requestPermissionForAlias("location", call, "afterPermission");
            return;
        }
        locate(call);
    }

    @PermissionCallback
    private void afterPermission(PluginCall call) {
        if (getPermissionState("location") == PermissionState.GRANTED) locate(call);
        else call.reject("定位权限未开启，请在手机-系统设置中为本应用打开位置信息权限", "permission_denied");
    }

    private void locate(PluginCall call) {
        Context context = getContext();
        LocationManager lm = (LocationManager) context.getSystemService(Context.LOCATION_SERVICE);
        boolean play = GoogleApiAvailability.getInstance().isGooglePlayServicesAvailable(context) == ConnectionResult.SUCCESS;
        List<Source> plan = ProviderPlan.plan(
            play,
            lm != null && lm.isProviderEnabled(LocationManager.GPS_PROVIDER),
            lm != null && lm.isProviderEnabled(LocationManager.NETWORK_PROVIDER)
        );
        long timeoutMs = call.getLong("timeoutMs", 15_000L);
        Handler main = new Handler(Looper.getMainLooper());
        FixLocator.locate(
            plan,
            (source, shareMs, answer) -> main.post(() -> request(lm, source, shareMs, answer)),
            System::currentTimeMillis,
            timeoutMs,
            new FixLocator.Result() {
                @Override
                public void onFix(Fix fix) {
                    JSObject out = new JSObject();
                    out.put("lng", fix.lng);
                    out.put("lat", fix.lat);
                    out.put("accuracy", fix.hasAccuracy() ? fix.accuracy : null);
                    out.put("time", fix.timeMs);
                    out.put("isMock", fix.isMock);
                    out.put("provider", fix.provider);
                    call.resolve(out);
                }

                @Override
                public void onError(String code, String message) {
                    call.reject(message, code);
                }
            }
        );
    }

    @SuppressLint("MissingPermission")
    private void request(LocationManager lm, Source source, long shareMs, FixLocator.Answer answer) {
        Handler main = new Handler(Looper.getMainLooper());
        if (source == Source.FUSED) {
            CancellationTokenSource cancel = new CancellationTokenSource();
            main.postDelayed(cancel::cancel, shareMs);
            CurrentLocationRequest req = new CurrentLocationRequest.Builder()
                .setPriority(Priority.PRIORITY_HIGH_ACCURACY)
                .setDurationMillis(shareMs)
                .setMaxUpdateAgeMillis(FixPolicy.MAX_CACHED_AGE_MS)
                .build();
            LocationServices.getFusedLocationProviderClient(getContext())
                .getCurrentLocation(req, cancel.getToken())
                .addOnSuccessListener(l -> answer.fix(l == null ? null : toFix(l, Source.FUSED)))
                .addOnFailureListener(e -> answer.failed(String.valueOf(e.getMessage())));
            return;
        }
        String provider = source.provider;
        Location last = lm.getLastKnownLocation(provider);
        if (last != null && FixPolicy.acceptCached(toFix(last, source), System.currentTimeMillis())) {
            answer.fix(toFix(last, source));
            return;
        }
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.R) {
            CancellationSignal signal = new CancellationSignal();
            main.postDelayed(() -> {
                signal.cancel();
                answer.failed("超时");
            }, shareMs);
            lm.getCurrentLocation(provider, signal, getContext().getMainExecutor(), l -> answer.fix(l == null ? null : toFix(l, source)));
        } else {
            LocationListener listener = new LocationListener() {
                @Override
                public void onLocationChanged(@NonNull Location l) {
                    lm.removeUpdates(this);
                    answer.fix(toFix(l, source));
                }
            };
            main.postDelayed(() -> {
                lm.removeUpdates(listener);
                answer.failed("超时");
            }, shareMs);
            lm.requestLocationUpdates(provider, 0L, 0f, listener, Looper.getMainLooper());
        }
    }

    @SuppressWarnings("deprecation")
    static Fix toFix(Location l, Source source) {
        boolean mock = MockFlag.of(Build.VERSION.SDK_INT, () -> Build.VERSION.SDK_INT >= 31 && l.isMock(), l::isFromMockProvider);
        // getTime() is UTC wall-clock time of the fix; elapsed-realtime age corrects a wrong provider clock.
        long ageMs = (SystemClock.elapsedRealtimeNanos() - l.getElapsedRealtimeNanos()) / 1_000_000L;
        long timeMs = ageMs >= 0 && ageMs < 24L * 3600_000L ? System.currentTimeMillis() - ageMs : l.getTime();
        return new Fix(l.getLatitude(), l.getLongitude(), l.hasAccuracy() ? l.getAccuracy() : Double.NaN, timeMs, mock, source.provider);
    }
}
