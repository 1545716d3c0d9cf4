/** Columns every travelling row carries. */
export type Travelling = {
  id: string;
  branch_id: string;
  created_at: string;
  updated_at: string;
  hlc: string;
};
