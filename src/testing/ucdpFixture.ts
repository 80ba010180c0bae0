// UCDP GED-shaped CSV written by the project itself, for tests.

export const UCDP_HEADER =
  'id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob\n';

/** A clash near Jermuk between Armenia and `sideB`, as one UCDP GED line; `date` is its start (it ends the next day), or '' for none. */
export function ucdpRow(id: number, sideB = 'Government of Azerbaijan', date = '2022-09-13'): string {
  const end = date ? new Date(Date.parse(date) + 86_400_000).toISOString().slice(0, 10) : '';
  return `${id},R${id},${date.slice(0, 4)},TRUE,Clear,1,1,1,Azerbaijan:Armenia,1,1,Government of Armenia - ${sideB},1,1,Government of Armenia,2,2,${sideB},2,x,Armenpress;Reuters,${end},Clash,x,1,Jermuk,Jermuk town,Vayots Dzor,,39.84,45.67,POINT,1,Armenia,371,Europe,1,1,${date},${end},10,5,0,0,15,20,12,371,373\n`;
}
