package cn.gov.bjxf.fireservice.operator;

import android.os.Bundle;
import com.getcapacitor.BridgeActivity;

public class MainActivity extends BridgeActivity {

    @Override
    public void onCreate(Bundle savedInstanceState) {
        // Our own plugins are registered before the bridge starts (npm plugins are found by `cap sync`).
        registerPlugin(XfLocationPlugin.class);
        super.onCreate(savedInstanceState);
    }
}
