import { Grid } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';

export interface MenuEntry {
  label: string;
  url: string;
}

/** The manual's menus (home, 消防维保): big entries two a row on NutUI's Grid, each opening its page. */
export function MenuGrid({ entries, className }: { entries: MenuEntry[]; className?: string }) {
  return (
    <Grid
      className={className ? `menu-grid ${className}` : 'menu-grid'}
      columns={2}
      gap={20}
      square={false}
      onClick={(_, i) => void Taro.navigateTo({ url: entries[i]!.url })}
    >
      {entries.map((e) => (
        <Grid.Item key={e.label} className="menu-item" text={e.label} />
      ))}
    </Grid>
  );
}
