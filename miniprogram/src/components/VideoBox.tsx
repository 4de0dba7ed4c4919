import { Video, View } from '@tarojs/components';
import './VideoBox.css';

/**
 * A playable video in the flow of the page ("+" 现场视频). Taro's Video is laid out against its nearest positioned
 * ancestor, so it always sits in a box of its own, never over the content above it.
 */
export function VideoBox({ src }: { src: string }) {
  return (
    <View className="video-box">
      <Video src={src} controls style={{ width: '100%', height: '100%' }} />
    </View>
  );
}
