import { View } from '@tarojs/components';
import { NavBar, Tabbar } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useEffect, useState, type PropsWithChildren } from 'react';
import { getSession } from '../auth/session-store';
import { goTab, TABS, type TabUrl } from '../navigation/tabs';
import './PageShell.css';

const isH5 = process.env.TARO_ENV === 'h5';

/** On H5 the page's title is what Taro set as the document title (page config or setNavigationBarTitle). */
function useDocumentTitle(fixed?: string) {
  const [title, setTitle] = useState(fixed ?? (isH5 ? document.title : ''));
  useEffect(() => {
    if (!isH5 || fixed) return;
    setTitle(document.title);
    const head = document.querySelector('title');
    if (!head) return;
    const observer = new MutationObserver(() => setTitle(document.title));
    observer.observe(head, { childList: true, characterData: true, subtree: true });
    return () => observer.disconnect();
  }, [fixed]);
  return fixed ?? title;
}

const LEAD_KINDS = ['project_lead', 'technical_lead'];

/**
 * The frame of every page. WeChat draws the title bar and the tab bar itself (app.config); Taro's H5 build draws
 * neither, so on H5 this adds a NutUI NavBar with a back arrow (when there is a page to go back to) and, on the
 * three tab pages of a lead, the same tab bar as in WeChat.
 */
export function PageShell({
  title,
  tab,
  className,
  children,
}: PropsWithChildren<{ title?: string; tab?: TabUrl; className?: string }>) {
  const shown = useDocumentTitle(title);
  const canGoBack = isH5 && Taro.getCurrentPages().length > 1;
  const isLead = LEAD_KINDS.includes(getSession()?.user.kind ?? '');
  const tabIndex = tab ? TABS.findIndex((t) => t.url === tab) : -1;
  const withTabs = isH5 && tabIndex >= 0 && isLead;
  return (
    <View className={`page-shell${withTabs ? ' page-shell-tabs' : ''}`}>
      {isH5 ? (
        <NavBar
          className="page-navbar"
          back={canGoBack ? <View className="page-navbar-back">‹ 返回</View> : null}
          onBackClick={() => {
            if (canGoBack) void Taro.navigateBack();
          }}
        >
          <View className="page-navbar-title">{shown}</View>
        </NavBar>
      ) : null}
      <View className={`page${className ? ` ${className}` : ''}`}>{children}</View>
      {withTabs ? (
        <Tabbar
          className="page-tabbar"
          fixed
          value={tabIndex}
          onSwitch={(i) => {
            if (i !== tabIndex) void goTab(TABS[i]!.url);
          }}
        >
          {TABS.map((t) => (
            <Tabbar.Item key={t.url} title={t.title} />
          ))}
        </Tabbar>
      ) : null}
    </View>
  );
}
