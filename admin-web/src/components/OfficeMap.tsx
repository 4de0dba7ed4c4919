import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef, useState } from 'react';
import { Alert } from 'antd';

// AutoNavi (高德) tiles are in GCJ-02, so a click on the map is a GCJ-02 coordinate.
const TILE_URL =
  import.meta.env.VITE_TILE_URL ??
  'https://webrd0{s}.is.autonavi.com/appmaphandler?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}';
const TILE_SUBDOMAINS = import.meta.env.VITE_TILE_SUBDOMAINS ?? '1234';
const BEIJING: L.LatLngTuple = [39.9087, 116.3975];

interface Props {
  lng?: number | null;
  lat?: number | null;
  /** Called with GCJ-02 coordinates when the user clicks the map; omit for a read-only map. */
  onPick?: (lng: number, lat: number) => void;
  height?: number;
}

/** Office-address map. Works without tiles (no internet): the marker and clicks still function. */
export function OfficeMap({ lng, lat, onPick, height = 360 }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const marker = useRef<L.CircleMarker | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const [tilesFailed, setTilesFailed] = useState(false);

  useEffect(() => {
    if (!container.current) return;
    const m = L.map(container.current, { center: BEIJING, zoom: 11, attributionControl: false });
    const tiles = L.tileLayer(TILE_URL, { subdomains: TILE_SUBDOMAINS, maxZoom: 18 });
    tiles.on('tileerror', () => setTilesFailed(true));
    tiles.addTo(m);
    m.on('click', (e: L.LeafletMouseEvent) => {
      pick.current?.(Number(e.latlng.lng.toFixed(6)), Number(e.latlng.lat.toFixed(6)));
    });
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
      marker.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    const valid =
      typeof lng === 'number' && typeof lat === 'number' && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
    if (!valid) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    const pos: L.LatLngTuple = [lat, lng];
    if (marker.current) marker.current.setLatLng(pos);
    else
      marker.current = L.circleMarker(pos, {
        radius: 9,
        color: '#cf1322',
        fillColor: '#ff4d4f',
        fillOpacity: 0.8,
      }).addTo(m);
    if (!m.getBounds().contains(pos)) m.setView(pos, Math.max(m.getZoom(), 14));
  }, [lng, lat]);

  return (
    <div>
      {tilesFailed && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title="地图底图无法加载（可能无法访问地图服务），可直接在左侧输入经纬度，仍可在地图区域点击标记位置。"
        />
      )}
      <div
        ref={container}
        data-testid="office-map"
        style={{
          height,
          border: '1px solid #d9d9d9',
          borderRadius: 4,
          cursor: onPick ? 'crosshair' : 'default',
        }}
      />
    </div>
  );
}
