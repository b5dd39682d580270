// The one vocabulary of the library's topics (主题分类): each topic with its label and the cue
// words that speak of it, weighted 1 (often used in other subjects' documents too), 2 (mostly this
// subject) or 3 (names the subject). Cues are domain words, the words a reader of any office's
// documents would use, never a phrase taken from one document.
//
// Organ names are not cues: a cue followed by 局/厅/委/部门/… is skipped by the matcher, so
// 教育局 in a list of responsible units does not make a document about education. Overlapping cues
// count once (the longest), so 乡村振兴 does not also count as 乡村.
//
// The topics follow what municipal documents cover, grouped the way Chinese policy libraries
// group them (国务院政策文件库's 主题分类, merged where a city's documents are few). 其他 is not in the
// list: it is what a document gets when no topic's cues are found in it.

export interface Topic {
  /** The label shown in the library. */
  label: string;
  /** Cue words with their weights. */
  cues: Record<string, number>;
}

/**
 * What a title says the document does, whatever its subject. Some acts decide the primary topic
 * (`decides`): a notice that sets up or changes an organ is 机构人事 even when the group works for
 * tourism (关于成立…旅游度假区工作领导小组的通知), and a 财政事权和支出责任划分 reform is 财政金融 in
 * whichever field (教育, 医疗卫生, 应急救援 … each has one); the subject then comes second. Others
 * only add title cue points: carrying out a law (贯彻落实《…法》) is 法治建设 work.
 */
export interface TitleAct {
  pattern: RegExp;
  topic: string;
  /** Title cue points the act adds to its topic. */
  weight: number;
  /** The act's topic is the primary topic. */
  decides?: true;
}

export const TITLE_ACTS: readonly TitleAct[] = [
  {
    pattern: /(?:成立|调整|设立|撤销|组建)[^，。；]{0,40}?(?:领导小组|委员会|指挥部|工作专班|议事协调机构)(?:的通知|组成人员|成员)/,
    topic: '机构人事',
    weight: 3,
    decides: true,
  },
  { pattern: /事权和支出责任划分/, topic: '财政金融', weight: 3, decides: true },
  { pattern: /[《〈][^《〈》〉]{2,40}(?:法|条例)[》〉]/, topic: '法治建设', weight: 2 },
];

/**
 * What a 文号 says of its document: personnel decisions are numbered with 任 (X政任〔2024〕3号),
 * a party committee's documents with 党 (X党发, X党办发): party work, in a government library.
 */
export const NUMBER_CUES: readonly { pattern: RegExp; topic: string; weight: number }[] = [
  { pattern: /^[^〔[（(]*任/, topic: '机构人事', weight: 3 },
  { pattern: /^[^〔[（(]*党/, topic: '党的建设', weight: 1 },
];

/** The fallback for a document that no topic's cues describe. */
export const OTHER_TOPIC = '其他';

export const TOPICS: readonly Topic[] = [
  {
    label: '营商环境',
    cues: {
      营商环境: 3, 放管服: 2, 政商关系: 2, 亲清: 2, 涉企: 2, 市场主体: 1, 企业诉求: 2, 诉求办理: 2, 公平竞争: 1,
      市场准入: 1, 民营经济: 2, 民营企业: 1, 中小企业: 1, 个体工商户: 1, 企业开办: 2, 政策兑现: 2, 吃拿卡要: 3,
      不作为: 1, 乱作为: 1, 慢作为: 1, 惠企: 1, 助企: 1, 纾困: 2, 中小微企业: 2, 企业获得感: 2, 首问负责: 1,
    },
  },
  {
    label: '政务服务',
    cues: {
      政务服务: 3, 一网通办: 3, 一件事: 2, 一次办: 2, 通办: 2, 事项清单: 2, 办事指南: 2, 行政审批: 2, 审批服务: 2,
      政务公开: 3, 信息公开: 2, 12345: 2, 热线: 1, 便民服务: 2, 帮办: 1, 代办: 1, 窗口: 1, 一窗受理: 2, 网上办: 2,
      掌上办: 2, 数字政府: 2, 电子政务: 2, 政务数据: 2, 证明事项: 1, 公共服务事项: 2, 权责清单: 2, 权力清单: 2,
      办件: 1, 好差评: 2, 即办: 1, 政府网站: 2, 政务新媒体: 2, 政策解读: 1, 依申请: 1,
    },
  },
  {
    label: '法治建设',
    cues: {
      规范性文件: 3, 合法性审核: 3, 合法性审查: 3, 备案审查: 2, 备案: 1, 依法行政: 3, 法治政府: 3, 法治: 1,
      行政执法: 2, 执法: 1, 普法: 2, 法律顾问: 2, 行政复议: 3, 行政诉讼: 2, 重大行政决策: 3, 立法: 2, 依法治: 2,
      政府规章: 2, 法律援助: 2, 公共法律服务: 2, 人民调解: 2, 行政处罚: 1, 执法监督: 2,
    },
  },
  {
    label: '知识产权',
    cues: {
      知识产权: 3, 专利: 2, 商标: 2, 版权: 2, 著作权: 2, 地理标志: 2, 商业秘密: 1, 贯标: 1, 侵权: 1, 植物新品种: 2,
    },
  },
  {
    label: '科技创新',
    cues: {
      科技创新: 3, 研发: 2, 科技成果: 2, 成果转化: 2, 高新技术: 2, 科技型: 2, 重点实验室: 2, 技术创新: 2, 科研: 2,
      研究开发: 2, 孵化: 2, 众创空间: 2, 创新平台: 1, 科技: 1, 创新主体: 1, 技术转移: 2, 科技特派员: 2,
    },
  },
  {
    label: '产业发展',
    cues: {
      产业: 1, 工业: 1, 制造业: 2, 产业链: 2, 产业园: 2, 园区: 1, 招商引资: 2, 电子商务: 3, 电商: 2, 商贸: 2,
      消费: 1, 外贸: 2, 跨境: 1, 新能源: 2, 能源: 1, 数字经济: 2, 龙头企业: 2, 转型升级: 1, 服务业: 2, 企业培育: 2,
      专精特新: 2, 产业集群: 2, 冶金: 1, 化工: 1,
    },
  },
  {
    label: '财政金融',
    cues: {
      财政: 1, 预算: 2, 财政资金: 2, 事权: 3, 支出责任: 3, 金融: 2, 融资: 2, 信贷: 2, 贷款: 2, 银行: 1, 担保: 1,
      保险: 1, 债券: 2, 债务: 2, 税收: 1, 税费: 1, 国有资产: 2, 审计: 1, 政府采购: 2, 转移支付: 2, 风险补偿: 1,
      普惠金融: 2, 财力: 2, 绩效评价: 1, 资金管理: 1,
    },
  },
  {
    label: '经济运行',
    cues: {
      统计: 3, 经济运行: 3, 国民经济: 2, 地区生产总值: 2, 固定资产投资: 2, 普查: 2, 数据质量: 1, 统计调查: 2,
      经济指标: 2, 重大项目: 1, 项目建设: 1, 发展规划: 1, 经济增长: 1,
    },
  },
  {
    label: '就业和社会保障',
    cues: {
      就业: 3, 创业: 2, 安置: 1, 失业: 2, 职业技能: 2, 技能培训: 2, 岗位: 1, 劳动: 1, 工资: 1, 农民工: 2,
      社会保障: 3, 社会保险: 2, 养老保险: 2, 医疗保险: 2, 医保: 2, 养老: 2, 养老服务: 2, 社会救助: 3, 低保: 2,
      救助: 1, 残疾人: 2, 优抚: 2, 退役军人: 2, 随军家属: 2, 军属: 1, 拥军: 2, 殡葬: 2, 福利: 1, 慈善: 2, 津贴: 1,
      人力资源: 1, 劳动关系: 2,
    },
  },
  {
    label: '农业农村',
    cues: {
      农业: 2, 农村: 2, 农牧: 2, 畜牧: 2, 乡村振兴: 3, 乡村: 1, 耕地: 2, 粮食: 2, 种植: 1, 养殖: 2, 农畜产品: 2,
      农产品: 2, 农民: 1, 秸秆: 2, 嘎查: 1, 农田: 2, 动物疫病: 2, 动物疫情: 2, 兽医: 2, 畜禽: 2, 林业: 1, 草原: 1,
      灌溉: 2, 合作社: 1, 家庭农场: 2, 种子: 1, 农机: 2, 村集体: 2, 农作物: 2, 饲料: 1, 牧民: 1,
    },
  },
  {
    label: '生态环境',
    cues: {
      生态环境: 3, 生态: 1, 环境保护: 3, 环保: 2, 污染: 2, 大气: 2, 禁烧: 3, 焚烧: 1, 碳达峰: 3, 碳中和: 3, 低碳: 2,
      绿色发展: 2, 绿色: 1, 节能: 2, 减排: 2, 污水: 2, 垃圾: 1, 固废: 2, 固体废物: 2, 危险废物: 2, 水土保持: 2,
      生物多样性: 2, 河长制: 2, 林长制: 2, 空气质量: 2, 环境质量: 2, 排放: 1, 造林: 2, 湿地: 2, 水源地: 2,
    },
  },
  {
    label: '城乡建设',
    cues: {
      城乡建设: 3, 城市建设: 2, 城市管理: 3, 城市更新: 3, 城市: 1, 城管: 2, 住房: 2, 房地产: 2, 建筑业: 3, 建筑: 1,
      装配式: 3, 市政: 2, 基础设施: 1, 历史建筑: 3, 历史文化名城: 2, 老旧小区: 2, 物业: 2, 供热: 2, 供暖: 2,
      供水: 1, 燃气: 2, 排水: 1, 城镇: 1, 施工: 1, 工程建设: 2, 工程质量: 2, 勘察设计: 2, 国土空间: 2, 社区: 1,
      人居环境: 2, 保障性住房: 2, 建设工程: 1,
    },
  },
  {
    label: '交通运输',
    cues: {
      交通: 2, 运输: 2, 公路: 2, 道路: 1, 铁路: 2, 民航: 2, 机场: 2, 公交: 2, 出租汽车: 2, 物流: 1, 快递: 2, 邮政: 2,
      客运: 2, 货运: 2, 车辆: 1, 桥梁: 1, 航空: 1, 驾驶: 1, 停车: 1, 路网: 2, 寄递: 2, 港口: 2, 农村公路: 3, 养护: 1,
    },
  },
  {
    label: '教育',
    cues: {
      教育: 1, 学校: 2, 学生: 2, 教师: 2, 义务教育: 3, 学前教育: 3, 职业教育: 3, 高等教育: 3, 高校: 2, 中小学: 3,
      幼儿园: 3, 校园: 2, 招生: 2, 课程: 1, 学位: 1, 双减: 2, 办学: 2, 教学: 2, 师资: 2, 课后服务: 2,
    },
  },
  {
    label: '卫生健康',
    cues: {
      卫生健康: 3, 医疗: 2, 医院: 2, 医疗机构: 2, 疾病: 2, 疾控: 2, 传染病: 2, 疫苗: 2, 公共卫生: 2, 健康: 1,
      医共体: 2, 医师: 1, 药品: 2, 护理: 1, 妇幼: 2, 中医: 2, 诊疗: 2, 医疗废物: 2, 卫生: 1, 患者: 2, 医务人员: 2,
    },
  },
  {
    label: '应急安全',
    cues: {
      应急: 2, 突发事件: 3, 应急预案: 3, 预案: 2, 安全生产: 3, 消防: 2, 火灾: 2, 事故: 1, 救援: 2, 抢险: 2,
      防汛: 2, 抗旱: 2, 地震: 2, 防灾减灾: 2, 减灾: 1, 灾害: 2, 危险化学品: 2, 隐患: 1, 应急响应: 2, 防火: 2,
      处置: 1, 险情: 2, 预警: 1,
    },
  },
  {
    label: '市场监管',
    cues: {
      市场监管: 3, 市场监督管理: 3, 食品安全: 3, 产品质量: 2, 特种设备: 3, 计量: 2, 标准化: 1, 认证: 1, 价格: 1,
      反垄断: 2, 不正当竞争: 2, 消费者权益: 2, 广告: 1, 检验检测: 2, 信用监管: 2, 双随机: 2, 食品: 1, 假冒伪劣: 2,
      质量安全: 1, 经营者: 1,
    },
  },
  {
    label: '文化旅游',
    cues: {
      文化: 1, 旅游: 2, 文旅: 2, 景区: 2, 度假区: 3, 文物: 2, 非物质文化遗产: 3, 非遗: 2, 博物馆: 2, 图书馆: 1,
      体育: 2, 全民健身: 2, 文艺: 2, 演出: 1, 广播电视: 2, 公共文化: 2, 游客: 2, 民宿: 2, 赛事: 2,
    },
  },
  {
    label: '党的建设',
    cues: {
      党的建设: 3, 党建: 3, 党组织: 2, 党员: 1, 全面从严治党: 3, 党风廉政: 3, 廉政: 2, 廉洁: 1, 意识形态: 2,
      主题教育: 2, 政治建设: 2, 理论学习: 2, 党中央: 1, 民族团结: 2, 中华民族共同体意识: 2, 统一战线: 2, 统战: 2,
      作风建设: 2, 纪律: 1, 政治忠诚: 2, 党性: 2, 两个维护: 2, 两个确立: 2,
    },
  },
  {
    label: '机构人事',
    cues: {
      任免: 3, 任命: 3, 免去: 3, 聘任: 2, 领导小组: 3, 议事协调机构: 3, 组成人员: 3, 机构编制: 3, 编制: 1, 机构改革: 2,
      工作专班: 1, 试用期: 2, 人事: 2, 公务员: 2, 挂职: 2, 副组长: 1, 职务: 1,
    },
  },
];
