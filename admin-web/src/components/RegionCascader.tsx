import { Cascader } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { RegionNode } from '../api/types';

interface Option {
  value: string;
  label: string;
  children?: Option[];
}

// Region names are what institution addresses and list filters use.
const toOption = (n: RegionNode): Option => {
  const label = n.name;
  return { value: label, label, children: n.children?.length ? n.children.map(toOption) : undefined };
};

let regionsPromise: Promise<Option[]> | null = null;
function loadRegions(): Promise<Option[]> {
  regionsPromise ??= api
    .getRegions()
    .then((r) => r.map(toOption))
    .catch((e) => {
      regionsPromise = null;
      throw e;
    });
  return regionsPromise;
}

/** 省 / 市 / 区 picker; the value is the list of names from province down. */
export function RegionCascader(props: {
  value?: string[];
  onChange?: (v: string[]) => void;
  style?: React.CSSProperties;
}) {
  const [options, setOptions] = useState<Option[]>([]);
  useEffect(() => {
    loadRegions().then(setOptions, () => setOptions([]));
  }, []);
  return (
    <Cascader
      options={options}
      value={props.value}
      onChange={(v) => props.onChange?.((v as string[] | undefined) ?? [])}
      changeOnSelect
      placeholder="省 / 市 / 区"
      allowClear
      style={{ width: 240, ...props.style }}
    />
  );
}
