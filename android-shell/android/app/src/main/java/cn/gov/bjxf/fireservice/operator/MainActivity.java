package cn.gov.bjxf.fireservice.operator;

import com.getcapacitor.BridgeActivity;

public class MainActivity extends BridgeActivity {}
