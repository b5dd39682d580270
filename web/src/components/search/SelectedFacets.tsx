import { Button, Space, Tag } from 'antd';
import { FACET_LABEL, type FacetName, facetValueLabel } from './facets';

/** The filters in force as tags; each closes on its own, 清除筛选 closes them all. */
export function SelectedFacets({ selected, onRemove, onClear }: { selected: [FacetName, string][]; onRemove: (name: FacetName, value: string) => void; onClear: () => void }) {
  if (selected.length === 0) return null;
  return (
    <Space size={[4, 8]} wrap className="selected-facets" role="group" aria-label="已选筛选条件">
      <span>已选：</span>
      {selected.map(([name, value]) => (
        <Tag
          key={`${name}:${value}`}
          closable
          closeIcon={<span aria-label={`移除筛选条件 ${FACET_LABEL[name]}：${facetValueLabel(name, value)}`}>×</span>}
          onClose={(e) => {
            e.preventDefault();
            onRemove(name, value);
          }}
        >
          {FACET_LABEL[name]}：{facetValueLabel(name, value)}
        </Tag>
      ))}
      <Button type="link" size="small" onClick={onClear}>
        清除筛选
      </Button>
    </Space>
  );
}
