// One test document, written in the seeds' style, rendered by real tools into every input format:
// plain text, a Word file built with `docx`, government web pages, and a PDF printed by Chromium.
// The input tests read each rendering back and expect the parser to find the same document.
import { existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { AlignmentType, Document, Footer, Header, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

export type Block =
  | { kind: 'title' | 'number' | 'recipients' | 'heading' | 'para' | 'attachment' | 'signature' | 'date' | 'publicity'; text: string }
  | { kind: 'table'; rows: string[][] };

export const TITLE = '青山市人民政府办公室关于开展2024年度城市内涝隐患排查整治工作的通知';
export const DOC_NUMBER = '青政办发〔2024〕12号';

export const NOTICE: Block[] = [
  { kind: 'title', text: TITLE },
  { kind: 'number', text: DOC_NUMBER },
  { kind: 'recipients', text: '各区县人民政府，市政府各部门：' },
  { kind: 'para', text: '为切实做好今年汛期城市排水防涝工作，保障人民群众生命财产安全，经市政府同意，现就开展城市内涝隐患排查整治工作有关事项通知如下。' },
  { kind: 'heading', text: '一、总体要求' },
  { kind: 'para', text: '坚持人民至上、生命至上，以排查为基础、以整治为关键，全面摸清城市内涝隐患底数，建立问题清单、任务清单和责任清单，确保汛前完成重点整治任务，汛期不发生因内涝造成的人员伤亡。' },
  { kind: 'heading', text: '二、主要任务' },
  { kind: 'heading', text: '（一）全面排查隐患' },
  { kind: 'para', text: '1. 排查易涝积水点。各区县对辖区内道路下穿通道、地下空间、老旧小区、城中村等易涝点逐一排查，建立隐患清单，明确整改措施和完成时限。（责任单位：市住建局，各区县人民政府；完成时限：4月底前）' },
  { kind: 'para', text: '2. 排查排水设施。对雨水管网、泵站、排涝闸门开展全面检查，重点检查设备运行、电力保障和值守情况，发现问题立即整改。（责任单位：市水务局）' },
  { kind: 'heading', text: '（二）加快整治进度' },
  { kind: 'para', text: '1. 实施管网改造。对排查发现的管网淤堵、破损、错接混接问题，制定整治方案，倒排工期，按期完成改造。' },
  { kind: 'para', text: '2. 完善应急预案。修订城市防汛应急预案，细化预警响应措施，开展应急演练不少于2次。' },
  { kind: 'heading', text: '三、保障措施' },
  { kind: 'para', text: '（一）加强组织领导。各单位要高度重视，明确专人负责，压实工作责任，确保各项任务落到实处。' },
  { kind: 'para', text: '（二）强化督导检查。市政府督查室将适时开展督导检查，对工作不力、进度滞后的予以通报。' },
  { kind: 'para', text: '重点任务安排如下：' },
  {
    kind: 'table',
    rows: [
      ['序号', '任务', '责任单位', '完成时限'],
      ['1', '易涝点排查', '市住建局', '4月底前'],
      ['2', '泵站检修', '市水务局', '5月15日前'],
    ],
  },
  { kind: 'attachment', text: '附件：城市内涝隐患排查登记表' },
  { kind: 'signature', text: '青山市人民政府办公室' },
  { kind: 'date', text: '2024年3月18日' },
  { kind: 'publicity', text: '（此件公开发布）' },
];

/** The document as the seeds write it: one paragraph per line, blank lines between, tables as tab rows. */
export function noticeText(blocks: readonly Block[] = NOTICE): string {
  return `${blocks.map((b) => (b.kind === 'table' ? b.rows.map((r) => r.join('\t')).join('\n') : b.text)).join('\n\n')}\n`;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The article body as a CMS stores it: centred number, indented paragraphs, a bordered table. */
function articleHtml(blocks: readonly Block[], skip: ReadonlySet<Block['kind']>): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (skip.has(b.kind)) continue;
    if (b.kind === 'table') {
      const rows = b.rows.map((r, i) => `<tr>${r.map((c) => (i === 0 ? `<td><p style="text-align:center"><strong>${escapeHtml(c)}</strong></p></td>` : `<td><p>${escapeHtml(c)}</p></td>`)).join('')}</tr>`);
      out.push(`<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse"><tbody>\n${rows.join('\n')}\n</tbody></table>`);
    } else if (b.kind === 'number' || b.kind === 'title') {
      out.push(`<p style="text-align: center;">${escapeHtml(b.text)}</p>`);
    } else if (b.kind === 'signature' || b.kind === 'date') {
      out.push(`<p style="text-align: right;">${escapeHtml(b.text)}&nbsp;&nbsp;&nbsp;&nbsp;</p>`);
    } else if (b.kind === 'recipients') {
      out.push(`<p>${escapeHtml(b.text)}</p>`);
    } else {
      out.push(`<p style="text-indent: 2em;">&nbsp;&nbsp;&nbsp;&nbsp;${escapeHtml(b.text)}</p>`);
    }
  }
  return out.join('\n');
}

const NAV = `<div class="nav"><ul>
<li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zcwj/">政策文件</a></li>
<li><a href="/hdjl/">互动交流</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/zjqs/">走进青山</a></li>
</ul></div>`;

const FOOTER = `<div class="footer">
<p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a> | <a href="/smsm/">使用帮助</a></p>
<p>主办单位：青山市人民政府办公室　承办单位：青山市大数据中心</p>
<p>网站标识码：1500000001　<a href="https://beian.miit.gov.cn/">蒙ICP备12345678号</a>　蒙公网安备 15050202000123号</p>
<p>地址：青山市新城区市府大街1号　电话：0475-1234567</p>
</div>`;

const SIDEBAR = `<div class="side">
<div class="side-title">热点信息</div>
<ul>
<li><a href="/a/1.html">青山市人民政府关于2024年城乡居民基本医疗保险缴费工作的通告</a></li>
<li><a href="/a/2.html">青山市开展安全生产大检查工作部署会议召开</a></li>
<li><a href="/a/3.html">市政府常务会议研究部署春季农业生产工作</a></li>
<li><a href="/a/4.html">青山市2024年重点项目建设推进会召开</a></li>
<li><a href="/a/5.html">关于公开征求《青山市城市供水管理办法（征求意见稿）》意见的公告</a></li>
</ul></div>`;

/**
 * A municipal portal page (TRS-style CMS): header, navigation, breadcrumbs, an info bar, the
 * article, share and print buttons, related links, a sidebar and the footer. The 文号 is only
 * in the metadata table above the article, as many portals print it.
 */
export function portalPage(blocks: readonly Block[] = NOTICE, charset = 'utf-8'): string {
  const title = blocks.find((b) => b.kind === 'title');
  const number = blocks.find((b) => b.kind === 'number');
  const titleText = title && title.kind !== 'table' ? title.text : '';
  const numberText = number && number.kind !== 'table' ? number.text : '';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<meta name="SiteName" content="青山市人民政府">
<meta name="ArticleTitle" content="${escapeHtml(titleText)}">
<meta name="PubDate" content="2024-03-20 09:30">
<title>${escapeHtml(titleText)}_政策文件_青山市人民政府</title>
<link rel="stylesheet" href="/css/style.css">
<script src="/js/jquery.min.js"></script>
<script>var _hmt = _hmt || []; (function(){ var hm = document.createElement("script"); hm.src = "https://hm.example.cn/hm.js?abc"; })();</script>
<style>.nav li{float:left}.footer{text-align:center}</style>
</head>
<body>
<div class="top"><div class="wrap"><span>欢迎访问青山市人民政府门户网站</span>
<a href="javascript:void(0)" id="jiathis">无障碍浏览</a> <a href="/en/">English</a> <a href="/m/">手机版</a></div></div>
<div class="header"><div class="logo"><img src="/images/logo.png" alt="青山市人民政府"></div>
<form class="search" action="/search"><input type="text" name="q" placeholder="请输入关键字"><button>搜索</button></form></div>
${NAV}
<div class="main wrap">
<div class="left">
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zcwj/">政策文件</a> &gt; 市政府办文件</div>
<div class="xxgk-info"><table>
<tr><td>索引号：</td><td>11150500MB1234567A/2024-00012</td><td>主题分类：</td><td>城乡建设、环境保护</td></tr>
<tr><td>发文机关：</td><td>青山市人民政府办公室</td><td>成文日期：</td><td>2024年03月18日</td></tr>
<tr><td>标　　题：</td><td colspan="3">${escapeHtml(titleText)}</td></tr>
<tr><td>发文字号：</td><td>${escapeHtml(numberText)}</td><td>发布日期：</td><td>2024年03月20日</td></tr>
</table></div>
<div class="article">
<h1 class="article-title">${escapeHtml(titleText)}</h1>
<div class="article-info">发布时间：2024-03-20 09:30　来源：市政府办公室　浏览次数：<span id="hits">1024</span>
【字体：<a href="javascript:setSize(18)">大</a> <a href="javascript:setSize(16)">中</a> <a href="javascript:setSize(14)">小</a>】</div>
<div class="article-content" id="zoom"><div class="TRS_Editor">
${articleHtml(blocks, new Set(['title', 'number']))}
</div></div>
<div class="article-tools"><div class="share">分享到：<a class="bds_weixin" href="#">微信</a> <a class="bds_tsina" href="#">微博</a> <a class="bds_qzone" href="#">QQ空间</a></div>
<a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="related"><h3>相关文件</h3><ul>
<li><a href="/a/6.html">青山市人民政府办公室关于印发青山市防汛抗旱应急预案的通知</a></li>
<li><a href="/a/7.html">青山市人民政府办公室关于做好2023年防汛工作的通知</a></li>
</ul></div>
</div>
</div>
${SIDEBAR}
</div>
${FOOTER}
<script>document.getElementById('hits').innerText = '1025';</script>
</body>
</html>
`;
}

/**
 * A gazette-style page (gov.cn layout): no <h1>, the title and the 文号 are the first centred
 * paragraphs of the content block, which sits in layout tables.
 */
export function gazettePage(blocks: readonly Block[] = NOTICE, charset = 'utf-8'): string {
  const title = blocks.find((b) => b.kind === 'title');
  const titleText = title && title.kind !== 'table' ? title.text : '';
  return `<!doctype html>
<html>
<head>
<meta charset="${charset}">
<title>${escapeHtml(titleText)}</title>
<script type="text/javascript">window.onload = function () { /* 统计 */ };</script>
</head>
<body>
<table width="1000" align="center"><tr><td>${NAV}</td></tr></table>
<table width="1000" align="center"><tr><td class="crumb"><a href="/">首页</a> &gt; <a href="/gb/">政府公报</a> &gt; 2024年第2期</td></tr>
<tr><td>
<table width="100%"><tr><td class="b12c" id="UCAP-CONTENT">
<div class="pages_content">
${articleHtml(blocks, new Set())}
</div>
</td></tr></table>
</td></tr>
<tr><td class="editor">责任编辑：王某某</td></tr>
</table>
<div class="bdsharebuttonbox"><a href="#" class="bds_more" data-cmd="more">分享</a><a class="bds_weixin" data-cmd="weixin" title="分享到微信"></a></div>
${FOOTER}
</body>
</html>
`;
}

/**
 * The document set as a printed official document (A4, 16pt body), for Chromium to print as PDF.
 * `columns: 2` sets everything below the 文号 in two columns, the way gazettes are printed.
 */
export function printableHtml(blocks: readonly Block[] = NOTICE, options: { columns?: 1 | 2 } = {}): string {
  const head: string[] = [];
  const rest: string[] = [];
  for (const b of blocks) {
    let html: string;
    if (b.kind === 'table') {
      html = `<table>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</table>`;
    } else {
      const cls = b.kind === 'title' ? 'title' : b.kind === 'number' ? 'number' : b.kind === 'signature' || b.kind === 'date' ? 'right' : b.kind === 'recipients' ? 'flush' : 'body';
      html = `<p class="${cls}">${escapeHtml(b.text)}</p>`;
    }
    // Everything from the first block after the 文号 on is set in columns.
    (rest.length === 0 && (b.kind === 'title' || b.kind === 'number') ? head : rest).push(html);
  }
  const body = options.columns === 2 ? `${head.join('\n')}\n<div class="cols">\n${rest.join('\n')}\n</div>` : [...head, ...rest].join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 16pt; line-height: 28pt; margin: 0; }
p { margin: 0; }
.title { font-size: 22pt; line-height: 34pt; text-align: center; margin-bottom: 16pt; }
.number { text-align: center; margin-bottom: 16pt; }
.body { text-indent: 2em; text-align: justify; }
.right { text-align: right; padding-right: 4em; }
.cols { column-count: 2; column-gap: 24pt; font-size: 12pt; line-height: 20pt; }
.cols .right { padding-right: 1em; }
table { border-collapse: collapse; margin: 8pt 0; }
td { border: 1px solid #000; padding: 2pt 8pt; font-size: 14pt; }
.cols td { font-size: 10.5pt; padding: 1pt 4pt; }
</style></head><body>
${body}
</body></html>`;
}

/** The document as a Word file, built with `docx` the way an office would type it (with a page-number footer). */
export async function writeDocx(path: string, blocks: readonly Block[] = NOTICE): Promise<void> {
  const font = { name: '仿宋_GB2312', size: 32 };
  const children: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') {
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: b.rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: c, font: font.name, size: 28 })] })] })) })),
        }),
      );
      continue;
    }
    const alignment =
      b.kind === 'title' || b.kind === 'number' ? AlignmentType.CENTER : b.kind === 'signature' || b.kind === 'date' ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED;
    const run = new TextRun({ text: b.text, font: b.kind === 'title' ? '方正小标宋简体' : font.name, size: b.kind === 'title' ? 44 : font.size, bold: b.kind === 'heading' });
    children.push(new Paragraph({ alignment, indent: b.kind === 'para' || b.kind === 'heading' ? { firstLine: 640 } : undefined, children: [run] }));
  }
  const doc = new Document({
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun('青山市人民政府办公室文件')] })] }) },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })] }) },
        children,
      },
    ],
  });
  await writeFile(path, await Packer.toBuffer(doc));
}

export const CHROMIUM = '/usr/bin/chromium';
const CJK_FONT_DIRS = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/truetype/noto'];

/** Why PDF fixtures cannot be printed on this machine, or null when they can. */
export function pdfToolsMissing(): string | null {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is not installed`;
  const hasCjk = CJK_FONT_DIRS.some((d) => existsSync(d) && readdirSync(d).some((f) => /CJK/i.test(f)));
  return hasCjk ? null : 'no Noto CJK font is installed (fonts-noto-cjk)';
}

export interface PrintJob {
  html: string;
  path: string;
  /** Print a page-number footer (— N —) as official documents have. */
  footer?: boolean;
}

/** Prints HTML pages to PDF with the system's Chromium through playwright-core (nothing is downloaded). */
export async function printPdfs(jobs: readonly PrintJob[]): Promise<void> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    for (const job of jobs) {
      const page = await browser.newPage();
      await page.setContent(job.html, { waitUntil: 'load' });
      await page.pdf({
        path: job.path,
        format: 'A4',
        preferCSSPageSize: true,
        displayHeaderFooter: job.footer ?? false,
        headerTemplate: '<span></span>',
        footerTemplate: '<div style="width:100%;text-align:center;font-size:14pt;">— <span class="pageNumber"></span> —</div>',
      });
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

/** A short notice on a portal whose footer holds almost as much text as the article. */
export function shortNoticePage(charset = 'utf-8'): string {
  return `<!DOCTYPE html><html><head><meta charset="${charset}"><title>关于调整市民服务中心办公时间的通知-青山市人民政府</title></head>
<body><div class="header"><a href="/">首页</a><a href="/a">机构</a><a href="/b">政务公开</a></div>
<div class="wrap"><div class="crumbs">您现在的位置：<a href="/">首页</a>&gt;<a href="/tz">通知公告</a></div>
<div class="con"><h2 class="con-title">关于调整市民服务中心办公时间的通知</h2>
<div class="con-info"><span>发布日期：2024-06-28</span><span>来源：市政务服务局</span></div>
<div class="con-text"><p>各位市民：</p><p>自2024年7月1日起，市民服务中心夏季办公时间调整为上午9:00—12:00，下午14:30—17:30。</p><p>特此通知。</p>
<p style="text-align:right">青山市政务服务局</p><p style="text-align:right">2024年6月28日</p></div></div>
<div class="footer"><p>主办：青山市人民政府办公室　承办：青山市政务服务和数据管理局　联系电话：0475-8888888　地址：青山市新城区市府大街1号政务服务中心四楼</p>
<p>网站标识码1500000001　蒙ICP备12345678号-1　蒙公网安备15050202000123号　技术支持：青山市大数据中心　建议使用1366×768分辨率浏览本站</p></div></div></body></html>
`;
}

/** A portal home page: navigation, lists of links and a footer, no article. */
export function linksOnlyPage(): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>青山市人民政府</title></head>
<body><div class="nav"><a href="/">首页</a><a href="/a">机构</a><a href="/b">政务公开</a></div>
<div class="news"><h3>要闻动态</h3><ul><li><a href="/1">市政府召开常务会议研究部署防汛工作</a><span>2024-06-01</span></li>
<li><a href="/2">青山市开展安全生产大检查</a><span>2024-05-30</span></li><li><a href="/3">市领导调研重点项目建设情况</a><span>2024-05-28</span></li></ul></div>
<div class="notice"><h3>通知公告</h3><ul><li><a href="/4">关于调整市民服务中心办公时间的通知</a></li>
<li><a href="/5">关于2024年公开招聘事业单位工作人员的公告</a></li></ul></div>
<div class="footer">主办：青山市人民政府办公室　网站标识码1500000001　蒙ICP备12345678号</div></body></html>
`;
}

let gbTable: Map<string, number[]> | null = null;

/** Encodes text as GB18030 (two-byte range, which covers GB2312 and GBK) by inverting the platform's decoder. */
export function encodeGb18030(text: string): Uint8Array {
  if (gbTable === null) {
    gbTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbTable.has(ch)) gbTable.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else {
      const bytes = gbTable.get(ch);
      if (bytes === undefined) throw new Error(`not encodable in two-byte GB18030: ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

/**
 * A one-page PDF protected by a user password (standard security handler, revision 2). No tool on
 * the machine writes encrypted PDFs, so the file is assembled here; its /U entry matches no
 * password, which is what a reader sees when it does not know the password.
 */
export function encryptedPdf(): Uint8Array {
  const hex = (n: number, seed: number) => Array.from({ length: n }, (_, i) => ((i * 37 + seed) & 0xff).toString(16).padStart(2, '0')).join('');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(32, 11)}> /U <${hex(32, 93)}> /P -4 >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${hex(16, 5)}> <${hex(16, 5)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/** A "scanned" page: the text is drawn on a canvas, which Chromium prints as an image. */
export function scannedHtml(): string {
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>
<canvas id="c" width="600" height="300"></canvas>
<script>const g = document.getElementById('c').getContext('2d'); g.font = '32px serif'; g.fillText('青山市人民政府办公室文件', 40, 80); g.fillText('青政办发〔2024〕12号', 40, 160);</script>
</body></html>`;
}
