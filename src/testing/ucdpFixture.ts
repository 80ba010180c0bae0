// UCDP GED-shaped CSV written by the project itself, for tests.
import Papa from 'papaparse';

export const UCDP_HEADER =
  'id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob\n';

/** A clash near Jermuk between Armenia and `sideB`, as one UCDP GED line; `date` is its start (it ends the next day), or '' for none. */
export function ucdpRow(id: number, sideB = 'Government of Azerbaijan', date = '2022-09-13'): string {
  const end = date ? new Date(Date.parse(date) + 86_400_000).toISOString().slice(0, 10) : '';
  return `${id},R${id},${date.slice(0, 4)},TRUE,Clear,1,1,1,Azerbaijan:Armenia,1,1,Government of Armenia - ${sideB},1,1,Government of Armenia,2,2,${sideB},2,x,Armenpress;Reuters,${end},Clash,x,1,Jermuk,Jermuk town,Vayots Dzor,,39.84,45.67,POINT,1,Armenia,371,Europe,1,1,${date},${end},10,5,0,0,15,20,12,371,373\n`;
}

/**
 * A GED CSV (comma-separated, ISO dates) as a spreadsheet saves it again: in the US, dates month
 * first (9/13/2022); in much of Europe, cells separated by semicolons (quoted where they hold one),
 * coordinates with decimal commas and dates day.month.year. Only the cells of single dates change:
 * a cell with several (2022-09-13;2022-09-14) stays text in a spreadsheet.
 */
export function spreadsheetSavedGed(csv: string, saved: 'us' | 'european'): string {
  const [header, ...lines] = Papa.parse<string[]>(csv.trimEnd()).data;
  const at = (name: string) => header!.indexOf(name);
  const dates = ['date_start', 'date_end', 'source_date'].map(at);
  const coordinates = ['latitude', 'longitude'].map(at);
  const dated = (cell: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell);
    if (!m) return cell;
    return saved === 'us' ? `${Number(m[2])}/${Number(m[3])}/${m[1]}` : `${m[3]}.${m[2]}.${m[1]}`;
  };
  const rows = lines.map((cells) =>
    cells.map((cell, k) => (dates.includes(k) ? dated(cell) : saved === 'european' && coordinates.includes(k) ? cell.replace('.', ',') : cell)),
  );
  return Papa.unparse([header!, ...rows], saved === 'us' ? { newline: '\n' } : { delimiter: ';', newline: '\r\n' }) + (saved === 'us' ? '\n' : '\r\n');
}
