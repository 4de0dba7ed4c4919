import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../api/server';
import './SubscribeReminders.css';

const isWeapp = process.env.TARO_ENV === 'weapp';

/**
 * 订阅提醒 (manual §02 项目负责人在微信端比对位置和人脸 4): WeChat lets a mini-program ask for subscribe messages only
 * from a tap, so the lead taps here; each acceptance lets the server send one reminder per template.
 */
export function SubscribeReminders() {
  const [note, setNote] = useState('');
  const subscribe = async () => {
    try {
      const { templateIds, templates } = await api.getWechatSubscribeTemplates();
      if (!templateIds.length) {
        setNote('系统未配置订阅消息模板，请联系管理员');
        return;
      }
      if (!isWeapp) {
        setNote(`请在微信小程序中订阅：${templates.map((t) => t.title).join('、')}`);
        return;
      }
      const result = (await Taro.requestSubscribeMessage({
        tmplIds: templateIds.slice(0, 3),
      } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>;
      const accepted = templates.filter((t) => result[t.templateId] === 'accept');
      setNote(
        accepted.length
          ? `已订阅：${accepted.map((t) => t.title).join('、')}`
          : '未订阅提醒，可随时再次点击订阅',
      );
    } catch (e) {
      setNote((e as { errMsg?: string; message?: string }).message ?? '订阅失败，请稍后再试');
    }
  };
  return (
    <View className="card subscribe-card">
      <View className="row">
        <Text className="card-title">微信提醒</Text>
        <Button size="small" type="primary" className="subscribe-btn" onClick={() => void subscribe()}>
          订阅提醒
        </Button>
      </View>
      <Text className="muted">有现场申请或检测记录待处理时，微信第一时间提醒您。</Text>
      {note ? <Text className="muted subscribe-note">{`\n${note}`}</Text> : null}
    </View>
  );
}
