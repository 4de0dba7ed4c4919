import { Image, Text, View } from '@tarojs/components';
import { VideoBox } from './VideoBox';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import {
  checkPrompts,
  CONFORMITY_LABELS,
  conformityOf,
  FINAL_PROMPT_TEXT,
  isPrejudgeMismatch,
  lineProblem,
  MISMATCH_FIELD_LABELS,
  NOT_CHECKABLE_REASON_LABELS,
  NOT_CHECKABLE_REASONS,
  prejudged,
} from '../offline/maintenance-form';
import { MAX_VIDEO_MB, MAX_VIDEOS, type MaintenanceRecordChange } from '../offline/maintenance';
import { VIDEO_MAX_SECONDS } from '../platform/device';
import type {
  LocalMaintenanceLine,
  LocalMaintenanceRecord,
  MismatchEntry,
} from '../offline/maintenance-types';

const JUDGMENTS = ['conforming', 'nonconforming'] as const;

function Choice({
  label,
  chosen,
  danger,
  disabled,
  onClick,
  testId,
}: {
  label: string;
  chosen: boolean;
  danger?: boolean;
  disabled: boolean;
  onClick: () => void;
  testId?: string;
}) {
  return (
    <Button
      size="small"
      className={`choice${testId ? ` choice-${testId}` : ''}${chosen ? ' chosen' : ''}`}
      type={chosen ? (danger ? 'danger' : 'primary') : 'default'}
      disabled={disabled}
      onClick={onClick}
    >
      {label}
    </Button>
  );
}

/**
 * 维保内容 recording (manual §03 APP记录测试结果) for one content line of one facility: 能检查 / 不能检查; the line's
 * prompts with their answer pairs and 测试结果是否符合测试要求; or the reason it cannot be checked with what that
 * reason needs; "+" for text and photos (into the report) and videos (kept with the record, shown to the lead). Every change goes straight to `onChange` (saved on the phone at once).
 */
export function MaintenanceLineForm({
  facilityName,
  line,
  record,
  locked,
  photoUrls,
  error,
  onChange,
  onShoot,
  onFilm,
  onSignature,
}: {
  facilityName: string;
  line: LocalMaintenanceLine;
  record: LocalMaintenanceRecord | undefined;
  locked: boolean;
  photoUrls: Map<string, string>;
  error?: string;
  onChange: (change: MaintenanceRecordChange) => void;
  onShoot: () => void;
  onFilm: () => void;
  onSignature: () => void;
}) {
  const [plusOpen, setPlusOpen] = useState(false);
  const [showStandard, setShowStandard] = useState(false);
  const [texts, setTexts] = useState<Partial<MismatchEntry & { explanation: string; note: string }>>({});
  const r = record;
  const result = r ? conformityOf(r) : null;
  const problem = r && r.checkable !== null ? lineProblem(line, r) : null;
  const expected = r?.checkable ? prejudged(line, r.answers) : null;
  const mismatch = r ? isPrejudgeMismatch(line, r) : false;
  const text = (key: keyof MismatchEntry | 'explanation' | 'note'): string =>
    texts[key] ??
    (key === 'explanation'
      ? (r?.explanation ?? '')
      : key === 'note'
        ? (r?.note ?? '')
        : (r?.mismatch[key] ?? ''));
  const typed = (key: keyof MismatchEntry | 'explanation' | 'note', value: string) => {
    setTexts((t) => ({ ...t, [key]: value }));
    if (key === 'explanation') onChange({ explanation: value });
    else if (key === 'note') onChange({ note: value });
    else onChange({ mismatch: { [key]: value } });
  };
  const videoIds = r?.videoClientIds ?? [];
  const videos = (ids: string[]) => (
    <View className="videos">
      {ids.map((id) =>
        photoUrls.get(id) ? (
          <View key={id} className="record-video">
            <VideoBox src={photoUrls.get(id)!} />
            {!locked && (
              <Text className="link" onClick={() => onChange({ removeVideoIds: [id] })}>
                删除视频
              </Text>
            )}
          </View>
        ) : null,
      )}
    </View>
  );
  const photos = (ids: string[], removable: boolean) => (
    <View className="photos">
      {ids.map((id) =>
        photoUrls.get(id) ? (
          <View key={id} style={{ position: 'relative' }}>
            <Image className="photo record-photo" src={photoUrls.get(id)!} mode="aspectFill" />
            {removable && !locked && (
              <Text
                className="link"
                style={{ position: 'absolute', right: '2px', top: '0' }}
                onClick={() => onChange({ removePhotoIds: [id] })}
              >
                ×
              </Text>
            )}
          </View>
        ) : null,
      )}
    </View>
  );

  // 测试结果是否符合测试要求: asked after the prompts (能检查) and after the entered test (不匹配).
  const judgments = JUDGMENTS.map((j) => (
    <Choice
      key={j}
      label={CONFORMITY_LABELS[j]}
      chosen={r?.conformity === j}
      danger={j === 'nonconforming'}
      disabled={locked}
      onClick={() => onChange({ conformity: j })}
      testId={`judge-${j}`}
    />
  ));

  return (
    <View
      className={`card item-card maintenance-line${mismatch ? ' mismatch' : ''}`}
      id={`line-${line.lineId}`}
      data-line={line.lineId}
    >
      <View className="detail-line">
        <Text className="muted">设施名称 </Text>
        <Text>{facilityName}</Text>
      </View>
      <View className="row">
        <Text className="item-name">{`维保内容 ${line.letter}.${line.text}`}</Text>
        <Text className="link" onClick={() => setShowStandard((v) => !v)}>
          合格标准
        </Text>
      </View>
      {showStandard && (
        <View className="instructions">
          <Text>{line.conformityStandard}</Text>
        </View>
      )}
      <View className="results">
        <Choice
          label="能检查"
          chosen={r?.checkable === true}
          disabled={locked}
          onClick={() => onChange({ checkable: true })}
          testId="checkable"
        />
        <Choice
          label="不能检查"
          chosen={r?.checkable === false}
          disabled={locked}
          onClick={() => onChange({ checkable: false })}
          testId="not-checkable"
        />
      </View>

      {r?.checkable === true && (
        <>
          {checkPrompts(line).map((p) => (
            <View key={p.id} className="prompt" data-prompt={p.id}>
              <Text className="prompt-text">{p.text}</Text>
              <View className="results">
                {p.options.map((o) => (
                  <Choice
                    key={o}
                    label={o}
                    chosen={r.answers[p.id] === o}
                    danger={!!p.conformingOption && o !== p.conformingOption}
                    disabled={locked}
                    onClick={() => onChange({ answer: { promptId: p.id, option: o } })}
                  />
                ))}
              </View>
            </View>
          ))}
          <View className="prompt prompt-final">
            <Text className="prompt-text">{FINAL_PROMPT_TEXT}</Text>
            <View className="results">{judgments}</View>
            {mismatch && expected && (
              <Text className="warn-text" style={{ display: 'block' }}>
                {`按各项检查结果应为“${CONFORMITY_LABELS[expected]}”，与您的判断不同，请核实`}
              </Text>
            )}
          </View>
        </>
      )}

      {r?.checkable === false && (
        <>
          <Text className="prompt-text">不能检查原因</Text>
          <View className="reasons">
            {NOT_CHECKABLE_REASONS.map((reason) => (
              <Choice
                key={reason}
                label={NOT_CHECKABLE_REASON_LABELS[reason]}
                chosen={r.reason === reason}
                disabled={locked}
                onClick={() => onChange({ reason })}
                testId={`reason-${reason}`}
              />
            ))}
          </View>
          {r.reason === 'standard_mismatch' && (
            <View className="mismatch-fields">
              <Text className="muted" style={{ display: 'block' }}>
                现场设施与系统预置测试规范不一致时，应按照国家和行业相关标准规范，自行录入测试项名称、设施位置，并如实填写测试过程和结果。
              </Text>
              {(Object.keys(MISMATCH_FIELD_LABELS) as (keyof MismatchEntry)[]).map((key) => (
                <View key={key} className="form-row">
                  <Text className="muted">{MISMATCH_FIELD_LABELS[key]}</Text>
                  <Input
                    className={`mismatch-${key}`}
                    value={text(key)}
                    maxLength={500}
                    disabled={locked}
                    placeholder={`请填写${MISMATCH_FIELD_LABELS[key]}`}
                    onChange={(v) => typed(key, v)}
                  />
                </View>
              ))}
              <Text className="prompt-text">{FINAL_PROMPT_TEXT}</Text>
              <View className="results">{judgments}</View>
            </View>
          )}
          {r.reason === 'no_conditions' && (
            <View className="no-conditions">
              <TextArea
                className="explanation"
                value={text('explanation')}
                maxLength={500}
                disabled={locked}
                placeholder="请说明不具备测试条件的原因"
                onChange={(v) => typed('explanation', v)}
              />
              <Button size="small" fill="outline" disabled={locked} onClick={onSignature}>
                {r.signaturePhotoClientIds.length ? '重拍甲方签字' : '拍照甲方签字'}
              </Button>
              {photos(r.signaturePhotoClientIds, false)}
            </View>
          )}
          {r.reason && r.reason !== 'standard_mismatch' && (
            <Text className="muted" style={{ display: 'block' }}>
              {`测试结果是否符合测试要求：不适用（${NOT_CHECKABLE_REASON_LABELS[r.reason]}，系统自动判断）`}
            </Text>
          )}
        </>
      )}

      <View className="row" style={{ marginTop: '8px' }}>
        <Button
          size="small"
          fill="outline"
          className="plus"
          disabled={locked || !r}
          onClick={() => setPlusOpen((v) => !v)}
        >
          {`+${r && (r.note || r.photoClientIds.length || videoIds.length) ? `（文字${r.note ? 1 : 0}，照片${r.photoClientIds.length}，视频${videoIds.length}）` : ''}`}
        </Button>
        {result && !problem && (
          <Text className={result === 'nonconforming' ? 'error-text' : 'ok-text'} data-testid="line-result">
            {`已保存 · ${CONFORMITY_LABELS[result]}`}
          </Text>
        )}
      </View>
      {(plusOpen || (r && (r.note || r.photoClientIds.length > 0 || videoIds.length > 0))) && r && (
        <View className="plus-box">
          <TextArea
            className="note"
            value={text('note')}
            maxLength={500}
            disabled={locked}
            placeholder="补充说明（文字和照片会体现在报告中，视频不体现）"
            onChange={(v) => typed('note', v)}
          />
          <View className="row">
            <Button size="small" fill="outline" disabled={locked} onClick={onShoot}>
              {`拍照（${r.photoClientIds.length}）`}
            </Button>
            <Button size="small" fill="outline" className="film" disabled={locked} onClick={onFilm}>
              {`录像（${videoIds.length}）`}
            </Button>
          </View>
          <Text className="muted" style={{ display: 'block' }}>
            {`视频每段不超过${MAX_VIDEO_MB}MB（约${VIDEO_MAX_SECONDS}秒），每条最多${MAX_VIDEOS}段，联网提交时上传`}
          </Text>
          {photos(r.photoClientIds, true)}
          {videos(videoIds)}
        </View>
      )}
      {(problem || error) && (
        <Text className="error-text" style={{ display: 'block' }}>
          {error || problem}
        </Text>
      )}
    </View>
  );
}
