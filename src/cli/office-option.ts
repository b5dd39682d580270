// How the supervising office signs its 督办文书 and 通报 on the command line: --office NAME, else
// DUBAN_OFFICE, else 督查室 — the same for `duban serve`, `supervise mail` and `supervise bulletin`.
import { DEFAULT_SERVER_SETTINGS } from '../server/settings.ts';

export const OFFICE_OPTION = ['--office <name>', '督办文书与通报落款的督查机构名称（如：某某区人民政府督查室；也可设 DUBAN_OFFICE，默认“督查室”）'] as const;

/** Why the name given cannot sign (Chinese), or null when it can (or none was given). */
export function officeProblem(option: string | undefined): string | null {
  const office = option ?? process.env.DUBAN_OFFICE;
  if (office !== undefined && office.trim() !== '' && !/^[\u4e00-\u9fff（）()·A-Za-z0-9]{2,40}$/.test(office.trim())) {
    return `督查机构名称应为 2–40 个汉字（可含括号），现为“${office}”`;
  }
  return null;
}

/** The name that signs. */
export function officeName(option: string | undefined): string {
  return (option ?? process.env.DUBAN_OFFICE)?.trim() || DEFAULT_SERVER_SETTINGS.office;
}
