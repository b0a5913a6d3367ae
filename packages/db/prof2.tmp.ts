import { demoAgencies, demoReports } from "./src/demo/index";
const agencies = demoAgencies();
for (let i = 0; i < 3; i++) demoReports({ agencies });
