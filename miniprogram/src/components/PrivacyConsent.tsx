import { Text, View } from '@tarojs/components';
import { Button, Dialog } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import {
  AGREE_PRIVACY_BUTTON_ID,
  agreePrivacy,
  disagreePrivacy,
  onPrivacyRequest,
  openPrivacyContract,
} from '../platform/privacy';

/**
 * The privacy consent dialog of the mini-program; put it on every page that uses location or the camera.
 * Renders nothing outside the weapp build.
 */
export function PrivacyConsent() {
  const [open, setOpen] = useState(false);
  useEffect(() => (process.env.TARO_ENV === 'weapp' ? onPrivacyRequest(setOpen) : undefined), []);
  if (process.env.TARO_ENV !== 'weapp') return null;
  return (
    <Dialog
      visible={open}
      title="隐私保护提示"
      closeOnOverlayClick={false}
      content={
        <View>
          <Text>本小程序在位置校验时需要获取您的位置，在人脸比对和现场照片时需要使用相机。使用前请阅读</Text>
          <Text className="link" onClick={openPrivacyContract}>
            《隐私保护指引》
          </Text>
        </View>
      }
      footer={
        <View className="row">
          <Button fill="outline" onClick={disagreePrivacy}>
            拒绝
          </Button>
          <Button
            type="primary"
            id={AGREE_PRIVACY_BUTTON_ID}
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={agreePrivacy}
          >
            同意
          </Button>
        </View>
      }
    />
  );
}
