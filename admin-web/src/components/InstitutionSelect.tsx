import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { Id } from '@xf/domain/api-client/index';
import { api } from '../api/client';

/** Searchable institution picker (server-side name search). */
export function InstitutionSelect(props: {
  value?: Id;
  onChange?: (id: Id | undefined) => void;
  style?: React.CSSProperties;
  placeholder?: string;
}) {
  const [options, setOptions] = useState<{ value: Id; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const search = (name: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setLoading(true);
      api
        .getInstitutions({ name: name.trim() || undefined, page: 1, pageSize: 20 })
        .then((r) => setOptions(r.items.map((i) => ({ value: i.id, label: i.name }))))
        .catch(() => setOptions([]))
        .finally(() => setLoading(false));
    }, 300);
  };

  useEffect(() => {
    search('');
    return () => clearTimeout(timer.current);
  }, []);

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      loading={loading}
      value={props.value}
      onChange={props.onChange}
      options={options}
      placeholder={props.placeholder ?? '输入机构名称搜索'}
      style={{ width: 320, ...props.style }}
      notFoundContent={loading ? '搜索中…' : '无匹配机构'}
    />
  );
}
