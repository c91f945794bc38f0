export function FormPage() { return <div>绩效目标表</div>; }
