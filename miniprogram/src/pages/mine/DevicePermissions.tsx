import { Button, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { useAction } from '../../hooks/use-action';
import {
  cameraPermission,
  getLocation,
  locationPermission,
  type DeviceLocation,
  type PermissionState,
} from '../../platform/device';

const STATE_LABEL: Record<PermissionState, string> = {
  granted: '已允许',
  denied: '已拒绝',
  prompt: '使用时询问',
  unknown: '未知',
};

/** Manual §01 (APP权限设置): location and camera must be allowed in the phone's system settings. */
export function DevicePermissions() {
  const [location, setLocation] = useState<PermissionState>('unknown');
  const [camera, setCamera] = useState<PermissionState>('unknown');
  const [fix, setFix] = useState<DeviceLocation | null>(null);
  const { busy, error, run } = useAction();

  useEffect(() => {
    void locationPermission().then(setLocation);
    void cameraPermission().then(setCamera);
  }, []);

  const test = async () => {
    await run(async () => {
      setFix(await getLocation());
      setLocation(await locationPermission());
    });
  };

  return (
    <View className="card">
      <Text className="card-title">权限设置</Text>
      <Text className="muted">
        APP使用前，需要打开手机的位置信息，并在“手机-系统设置-应用-权限”中为本应用允许位置信息和拍照权限，否则会造成无法拍照、定位失败等问题。
      </Text>
      <View className="list-item row">
        <Text>位置信息</Text>
        <Text className={location === 'granted' ? 'ok-text' : 'warn-text'} data-testid="perm-location">
          {STATE_LABEL[location]}
        </Text>
      </View>
      <View className="list-item row">
        <Text>相机</Text>
        <Text className={camera === 'granted' ? 'ok-text' : 'warn-text'}>{STATE_LABEL[camera]}</Text>
      </View>
      {fix && (
        <View className="list-item">
          <Text className="ok-text" data-testid="location-result">
            {`定位成功：经度${fix.lng.toFixed(6)}，纬度${fix.lat.toFixed(6)}（WGS-84），精度约${fix.accuracy == null ? '未知' : Math.round(fix.accuracy)}米${fix.mocked ? '，检测到模拟定位' : ''}`}
          </Text>
        </View>
      )}
      {error && (
        <View className="list-item">
          <Text className="error-text">{error}</Text>
        </View>
      )}
      <Button className="btn btn-plain btn-small" disabled={busy || undefined} onClick={() => void test()}>
        {busy ? '定位中…' : '检测定位'}
      </Button>
    </View>
  );
}
