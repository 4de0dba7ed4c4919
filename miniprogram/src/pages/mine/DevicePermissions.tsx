import { Text } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { mockFlagLabel } from '@xf/domain/api/site-requests';
import { useAction } from '../../hooks/use-action';
import {
  cameraPermission,
  getLocation,
  locationPermission,
  type DeviceLocation,
  type PermissionState,
} from '../../platform/device';
import {
  persistentStorageState,
  persistStateLabels,
  type PersistState,
} from '../../platform/storage-persist';

const STATE_LABEL: Record<PermissionState, string> = {
  granted: '已允许',
  denied: '已拒绝',
  prompt: '使用时询问',
  unknown: '未知',
};

const SOURCE_LABEL: Record<DeviceLocation['source'], string> = {
  native: '手机定位',
  capacitor: '手机定位',
  browser: '浏览器定位',
  weapp: '微信定位',
};

/**
 * Manual §01 (APP权限设置): location and camera must be allowed in the phone's system settings; offline
 * records are safe from eviction only with persistent storage.
 */
export function DevicePermissions() {
  const [location, setLocation] = useState<PermissionState>('unknown');
  const [camera, setCamera] = useState<PermissionState>('unknown');
  const [storage, setStorage] = useState<PersistState>('unsupported');
  const [fix, setFix] = useState<DeviceLocation | null>(null);
  const { busy, error, run } = useAction();

  useEffect(() => {
    void locationPermission().then(setLocation);
    void cameraPermission().then(setCamera);
    void persistentStorageState().then(setStorage);
  }, []);

  const test = async () => {
    await run(async () => {
      setFix(await getLocation());
      setLocation(await locationPermission());
    });
  };

  return (
    <CellGroup
      title="权限设置"
      description="APP使用前，需要打开手机的位置信息，并在“手机-系统设置-应用-权限”中为本应用允许位置信息和拍照权限，否则会造成无法拍照、定位失败等问题。"
    >
      <Cell
        title="位置信息"
        extra={
          <Text className={location === 'granted' ? 'ok-text' : 'warn-text'} data-testid="perm-location">
            {STATE_LABEL[location]}
          </Text>
        }
      />
      <Cell
        title="相机"
        extra={<Text className={camera === 'granted' ? 'ok-text' : 'warn-text'}>{STATE_LABEL[camera]}</Text>}
      />
      <Cell
        title="本机数据持久保存"
        description={persistStateLabels[storage]}
        extra={
          <Text className={storage === 'persisted' ? 'ok-text' : 'warn-text'} data-testid="perm-storage">
            {storage === 'persisted' ? '已开启' : storage === 'not_persisted' ? '未开启' : '不支持'}
          </Text>
        }
      />
      {fix && (
        <Cell>
          <Text className="ok-text" data-testid="location-result">
            {`定位成功：经度${fix.lng.toFixed(6)}，纬度${fix.lat.toFixed(6)}（WGS-84，${SOURCE_LABEL[fix.source]}），精度约${fix.accuracy == null ? '未知' : Math.round(fix.accuracy)}米；是否模拟定位：${mockFlagLabel(fix.mocked)}`}
          </Text>
        </Cell>
      )}
      {error && (
        <Cell>
          <Text className="error-text">{error}</Text>
        </Cell>
      )}
      <Cell>
        <Button size="small" loading={busy} disabled={busy} onClick={() => void test()}>
          {busy ? '定位中…' : '检测定位'}
        </Button>
      </Cell>
    </CellGroup>
  );
}
