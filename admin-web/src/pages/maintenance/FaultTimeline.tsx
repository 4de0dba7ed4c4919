import { Timeline, Typography } from 'antd';
import type { MaintenanceFaultView } from '@xf/domain/api/maintenance-faults';

/**
 * A fault's handling as the monthly report prints it: each dated row (Beijing time, the server's `atLabel`, e.g.
 * 2022年04月08日 18:07:43) with its text (与业主协商中, 由操作员1排查中, 已解决 …) and note.
 */
export function FaultTimeline({ fault }: { fault: MaintenanceFaultView }) {
  return (
    <Timeline
      style={{ marginTop: 12, marginBottom: 0 }}
      items={fault.timeline.map((e) => ({
        color:
          e.status === 'resolved' ? 'green' : e.kind === 'detected' || e.kind === 'recurred' ? 'red' : 'blue',
        content: (
          <span data-testid="fault-event">
            <Typography.Text>{`${e.atLabel} ${e.text}`}</Typography.Text>
            {e.note && <Typography.Text type="secondary">{`（${e.note}）`}</Typography.Text>}
          </span>
        ),
      }))}
    />
  );
}
