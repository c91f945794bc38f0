export function ProjectListPage() { return <div>项目列表</div>; }
